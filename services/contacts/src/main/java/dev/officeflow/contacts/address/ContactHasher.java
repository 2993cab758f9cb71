package dev.officeflow.contacts.address;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed HMAC-SHA256 of a normalised address: the {@code contact_hash} that identifies a contact
 * in storage and in the API. Without the key a hash cannot be tested against guessed addresses.
 * Thread-safe.
 */
public final class ContactHasher {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /** {@code key}: the secret HMAC key ({@code officeflow.contacts.address.hash-key}). */
  public ContactHasher(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("the contact hash key must not be empty");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    newMac();
  }

  /** 64 lower-case hex digits. */
  public String hash(NormalizedAddress address) {
    Mac mac = macs.get();
    byte[] digest = mac.doFinal(address.value().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /** True when {@code value} has the shape of a contact hash. */
  public static boolean isHash(String value) {
    return value.length() == 64
        && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)
        && value.equals(value.toLowerCase(java.util.Locale.ROOT));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
