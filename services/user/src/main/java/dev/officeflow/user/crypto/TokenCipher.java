package dev.officeflow.user.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider tokens with AES-256-GCM. A ciphertext is an envelope {@code [1][key id
 * length][key id][12-byte nonce][ciphertext + 16-byte tag]}, so it names the key it was written
 * with: old keys keep decrypting after the current key changes. The associated data is the user id,
 * the provider and the token's purpose, so a ciphertext copied to another user's row (or from the
 * refresh to the access column) fails to decrypt. Thread-safe.
 */
public final class TokenCipher {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;
  private final SecureRandom random = new SecureRandom();

  /** Fails unless at least one key is configured and the current key id names one of them. */
  public TokenCipher(TokenEncryptionSettings settings) {
    if (settings.keys().isEmpty()) {
      throw new IllegalArgumentException(
          "officeflow.user.token-encryption.keys: no key configured (id → base64 of 32 random"
              + " bytes); the local profile has a development key, every deployment its own");
    }
    Map<String, SecretKey> parsed = new HashMap<>();
    settings.keys().forEach((id, base64) -> parsed.put(id, key(id, base64)));
    if (!parsed.containsKey(settings.currentKeyId())) {
      throw new IllegalArgumentException(
          "officeflow.user.token-encryption.current-key-id '"
              + settings.currentKeyId()
              + "' is not among the configured keys "
              + parsed.keySet());
    }
    this.keys = Map.copyOf(parsed);
    this.currentKeyId = settings.currentKeyId();
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  /** Encrypts {@code plaintext} with the current key for one user, provider and purpose. */
  public byte[] encrypt(String plaintext, Binding binding) {
    byte[] id = currentKeyId.getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      sealed =
          cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, binding)
              .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed for " + binding.describe(), e);
    }
    return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
        .put(VERSION)
        .put((byte) id.length)
        .put(id)
        .put(nonce)
        .put(sealed)
        .array();
  }

  /** Decrypts an envelope written for the same binding, with whichever key it names. */
  public String decrypt(byte[] envelope, Binding binding) {
    ByteBuffer in = ByteBuffer.wrap(envelope);
    if (envelope.length < 2 + NONCE_BYTES + TAG_BITS / 8 || in.get() != VERSION) {
      throw new TokenDecryptionException("not a token envelope (version 1)");
    }
    byte[] id = new byte[Byte.toUnsignedInt(in.get())];
    in.get(id);
    String keyId = new String(id, StandardCharsets.UTF_8);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new TokenDecryptionException("token encrypted with unknown key id '" + keyId + "'");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    in.get(nonce);
    byte[] sealed = new byte[in.remaining()];
    in.get(sealed);
    try {
      byte[] plain = cipher(Cipher.DECRYPT_MODE, key, nonce, binding).doFinal(sealed);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new TokenDecryptionException(
          "token does not decrypt for " + binding.describe() + " (wrong row or corrupt data)", e);
    }
  }

  /** The key id an envelope names, without decrypting it. */
  public static String keyIdOf(byte[] envelope) {
    int length = Byte.toUnsignedInt(envelope[1]);
    return new String(envelope, 2, length, StandardCharsets.UTF_8);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, Binding binding)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(binding.associatedData());
    return cipher;
  }

  private static SecretKey key(String id, String base64) {
    if (id.isBlank() || id.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException("token encryption key id must be 1 to 255 bytes: " + id);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token encryption key '" + id + "' is not base64", e);
    }
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "token encryption key '" + id + "' must be 32 bytes (AES-256), not " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  /**
   * What a ciphertext is bound to: its user, provider and purpose ({@code access_token} or {@code
   * refresh_token}).
   */
  public record Binding(String userId, String provider, String purpose) {

    byte[] associatedData() {
      return String.join("\u0000", "officeflow-token-v1", userId, provider, purpose)
          .getBytes(StandardCharsets.UTF_8);
    }

    String describe() {
      return "user " + userId + ", provider " + provider + ", " + purpose;
    }
  }
}
