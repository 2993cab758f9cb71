package dev.officeflow.vespaloader.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque cursors: the next page's offset and an expiry, signed (HMAC-SHA256, truncated to 128 bits)
 * together with the user, the query text, the types and the limit. A cursor therefore only works
 * for the search that issued it: another user, another query or an edited offset fails the check
 * and is refused, as is an expired one. Thread-safe.
 */
final class SearchCursors {

  private static final byte VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final int LENGTH = 1 + Integer.BYTES + Long.BYTES + MAC_BYTES;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration ttl;

  SearchCursors(String key, Clock clock, Duration ttl) {
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The cursor that continues {@code query} at {@code nextOffset}. */
  String issue(SearchQuery query, int nextOffset) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    ByteBuffer cursor = ByteBuffer.allocate(LENGTH);
    cursor.put(VERSION).putInt(nextOffset).putLong(expires);
    cursor.put(mac(query, nextOffset, expires));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.array());
  }

  /**
   * The offset a cursor continues {@code query} at.
   *
   * @param query the request as made, its offset ignored
   * @throws IllegalArgumentException when the cursor is malformed, not issued for this user and
   *     query, or expired (the message says which, without echoing it)
   */
  int offset(SearchQuery query, String cursor) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the cursor is not one this API issued");
    }
    if (bytes.length != LENGTH || bytes[0] != VERSION) {
      throw new IllegalArgumentException("the cursor is not one this API issued");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
    int offset = buffer.getInt();
    long expires = buffer.getLong();
    byte[] mac = Arrays.copyOfRange(bytes, LENGTH - MAC_BYTES, LENGTH);
    if (!MessageDigest.isEqual(mac, mac(query, offset, expires))) {
      throw new IllegalArgumentException("the cursor belongs to another search");
    }
    if (clock.instant().getEpochSecond() > expires) {
      throw new IllegalArgumentException("the cursor has expired: search again");
    }
    return offset;
  }

  private byte[] mac(SearchQuery query, int offset, long expires) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(VERSION);
      mac.update(
          ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(offset).putLong(expires).array());
      for (String part :
          new String[] {
            query.userId(), query.text(), query.typeList(), Integer.toString(query.limit())
          }) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        mac.update(bytes);
      }
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
