package dev.officeflow.contacts.address;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals an address for the little time it waits in the contact outbox, so the database never holds
 * one in plaintext: AES-256-GCM under a key derived (HKDF-SHA256, as {@link ContactHasher}'s) from
 * the contact hash master key with its own info {@code "officeflow contacts outbox v<version>"}, a
 * random 96-bit nonce per value, and the user and contact hash as associated data, so a sealed
 * value copied to another row does not open. A sealed value is the nonce followed by the ciphertext
 * and tag. A new key version makes the old values unreadable, which is why the rotation deletes the
 * outbox rows of other versions with every other hash ({@link HashKeyRotation}). Thread-safe.
 */
public final class AddressSealer {

  private static final String INFO = "officeflow contacts outbox v";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** {@code masterKey} and {@code version} as for {@link ContactHasher}. */
  public AddressSealer(String masterKey, int version) {
    if (masterKey.isEmpty()) {
      throw new IllegalArgumentException("the contact hash key must not be empty");
    }
    byte[] prk = Hkdf.extract(ContactHasher.SALT, masterKey.getBytes(StandardCharsets.UTF_8));
    byte[] info = (INFO + version).getBytes(StandardCharsets.UTF_8);
    this.key = new SecretKeySpec(Hkdf.expand(prk, info, Hkdf.HASH_LENGTH), "AES");
  }

  /** The sealed form of {@code address}, bound to the user and the contact it belongs to. */
  public byte[] seal(String userId, String contactHash, String address) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, userId, contactHash, utf8(address));
    byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return out;
  }

  /**
   * The address {@code sealed} holds.
   *
   * @throws IllegalArgumentException when it was sealed under another key, for another user or
   *     contact, or was changed
   */
  public String open(String userId, String contactHash, byte[] sealed) {
    if (sealed.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("sealed address too short: " + sealed.length + " bytes");
    }
    byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
    byte[] body = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
    return new String(
        crypt(Cipher.DECRYPT_MODE, nonce, userId, contactHash, body), StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, String userId, String contactHash, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      // A contact hash has a fixed shape (v<version>: and 64 hex digits), so where it ends is
      // known and no two (contact, user) pairs give the same associated data.
      cipher.updateAAD(utf8(contactHash + ":" + userId));
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException(
          "sealed address does not open for user " + userId + ": wrong key, row or data", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
