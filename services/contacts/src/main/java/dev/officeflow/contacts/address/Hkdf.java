package dev.officeflow.contacts.address;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): {@link #extract} concentrates input keying material into a
 * pseudorandom key, {@link #expand} stretches that into output keying material bound to an info
 * string. Written over the JDK's {@link Mac} because nothing on the service's class path offers
 * HKDF (Java 17 has no KDF API; the only copies are shaded or internal to other libraries), and
 * checked against the RFC's test vectors ({@code HkdfTest}). Stateless and thread-safe.
 */
final class Hkdf {

  /** SHA-256's output length: the size of a pseudorandom key and of each expansion block. */
  static final int HASH_LENGTH = 32;

  private static final String HMAC_SHA256 = "HmacSHA256";

  private Hkdf() {}

  /**
   * HKDF-Extract: {@code HMAC(salt, ikm)}; an empty salt stands for {@value #HASH_LENGTH} zeros.
   */
  static byte[] extract(byte[] salt, byte[] ikm) {
    return mac(salt.length == 0 ? new byte[HASH_LENGTH] : salt).doFinal(ikm);
  }

  /** HKDF-Expand: the first {@code length} bytes of {@code T(1) | T(2) | ...} (RFC 5869 §2.3). */
  static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF output length must be 1.." + 255 * HASH_LENGTH);
    }
    Mac mac = mac(prk);
    byte[] okm = new byte[length];
    byte[] block = new byte[0];
    for (int counter = 1, done = 0; done < length; counter++) {
      mac.update(block);
      mac.update(info);
      mac.update((byte) counter);
      block = mac.doFinal();
      int n = Math.min(block.length, length - done);
      System.arraycopy(block, 0, okm, done, n);
      done += n;
    }
    return okm;
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
