package dev.officeflow.contacts.address;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The keyed hash of a normalised address among one user's contacts: the {@code contact_hash} that
 * identifies a contact in storage, in events and in the API. It is {@code v<version>:} followed by
 * the HMAC-SHA256 of the address under the user's own key, in 64 lower-case hex digits. The user's
 * key is HKDF-SHA256 (RFC 5869) of the master key, with the fixed salt {@link #SALT} and the info
 * {@code "officeflow contact hash v<version>:" + userId}: one address hashes differently for two
 * users and under two key versions, and without the master key no hash can be tested against
 * guessed addresses. Derived keys are cached for the {@value #CACHED_USERS} most recently seen
 * users. Thread-safe.
 */
public final class ContactHasher {

  /** HKDF's salt: fixed and public (RFC 5869 §3.1); the secret is the master key. */
  static final byte[] SALT = "officeflow contacts hash salt".getBytes(StandardCharsets.UTF_8);

  private static final String ALGORITHM = "HmacSHA256";
  private static final String INFO = "officeflow contact hash v";
  private static final int CACHED_USERS = 10_000;
  private static final int MAX_VERSION = 999_999_999;
  private static final Pattern HASH = Pattern.compile("v[1-9][0-9]{0,8}:[0-9a-f]{64}");
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final int version;
  private final byte[] prefix;
  private final byte[] prk;
  private final Cache<String, SecretKeySpec> userKeys =
      Caffeine.newBuilder().maximumSize(CACHED_USERS).build();
  private final ThreadLocal<UserMac> macs = ThreadLocal.withInitial(UserMac::new);

  /**
   * {@code masterKey}: the secret ({@code officeflow.contacts.address.hash-key}); {@code version}:
   * its version ({@code hash-key-version}), which every hash names.
   */
  public ContactHasher(String masterKey, int version) {
    if (masterKey.isEmpty()) {
      throw new IllegalArgumentException("the contact hash key must not be empty");
    }
    if (version < 1 || version > MAX_VERSION) {
      throw new IllegalArgumentException(
          "the contact hash key version must be 1.." + MAX_VERSION + ", not " + version);
    }
    this.version = version;
    this.prefix = prefix(version).getBytes(StandardCharsets.US_ASCII);
    this.prk = Hkdf.extract(SALT, masterKey.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code v<version>:} and 64 lower-case hex digits. */
  public String hash(String userId, NormalizedAddress address) {
    UserMac mac = macs.get();
    if (!userId.equals(mac.userId)) {
      mac.init(userId, userKeys.get(userId, this::userKey));
    }
    byte[] digest = mac.mac.doFinal(address.value().getBytes(StandardCharsets.UTF_8));
    return prefixedHex(digest);
  }

  /** The key version every hash of this hasher names. */
  int version() {
    return version;
  }

  /** {@code v<version>:}, how every hash of {@code version} begins. */
  static String prefix(int version) {
    return "v" + version + ":";
  }

  /** True when {@code value} has the shape of a contact hash of any version. */
  public static boolean isHash(String value) {
    return HASH.matcher(value).matches();
  }

  /**
   * A value that changes with the master key and the version and reveals neither (HKDF output under
   * its own info): what the database keeps to notice a changed key.
   */
  String keyCheck() {
    byte[] info = (INFO + version + " key check").getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(Hkdf.expand(prk, info, Hkdf.HASH_LENGTH));
  }

  /** The prefix and the digest in lower-case hex, written at once: this runs for every address. */
  private String prefixedHex(byte[] digest) {
    byte[] text = Arrays.copyOf(prefix, prefix.length + 2 * digest.length);
    int at = prefix.length;
    for (byte b : digest) {
      text[at++] = HEX_DIGITS[(b >> 4) & 0xf];
      text[at++] = HEX_DIGITS[b & 0xf];
    }
    return new String(text, StandardCharsets.US_ASCII);
  }

  private SecretKeySpec userKey(String userId) {
    // The colon ends the version's digits, so no version and user id share an info string.
    byte[] info = (INFO + version + ":" + userId).getBytes(StandardCharsets.UTF_8);
    return new SecretKeySpec(Hkdf.expand(prk, info, Hkdf.HASH_LENGTH), ALGORITHM);
  }

  /**
   * A thread's MAC and the user whose key it holds: the participants of one message are one user's,
   * so the key is set once per message, not per address ({@code doFinal} keeps it).
   */
  private static final class UserMac {
    private final Mac mac;
    private @Nullable String userId;

    UserMac() {
      try {
        mac = Mac.getInstance(ALGORITHM);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 unavailable", e);
      }
    }

    void init(String user, SecretKeySpec key) {
      userId = null;
      try {
        mac.init(key);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 refused a derived key", e);
      }
      userId = user;
    }
  }
}
