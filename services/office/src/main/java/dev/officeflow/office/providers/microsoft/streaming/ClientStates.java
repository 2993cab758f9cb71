package dev.officeflow.office.providers.microsoft.streaming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code clientState} secrets of subscriptions: 32 random bytes each, stored only as their
 * SHA-256 and compared in constant time, so neither a database reader nor a timing probe learns
 * one. Graph echoes the secret in every notification; a notification without the right one is
 * forged.
 */
final class ClientStates {

  /** Graph accepts up to 255 characters; 43 are used. */
  private static final int BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientStates() {}

  static String newSecret() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether {@code presented} is the secret whose hash is {@code stored}, in constant time. */
  static boolean matches(byte[] stored, String presented) {
    return MessageDigest.isEqual(stored, sha256(presented));
  }
}
