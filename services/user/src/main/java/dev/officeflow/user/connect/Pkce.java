package dev.officeflow.user.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) with S256, and the random values the flow needs. */
final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** A code verifier: 64 random bytes, 86 characters (RFC 7636 allows 43 to 128). */
  static String verifier() {
    return random(64);
  }

  /** An unguessable {@code state} or {@code nonce}: 32 random bytes. */
  static String state() {
    return random(32);
  }

  /** {@code BASE64URL(SHA-256(ASCII(verifier)))}, the S256 challenge. */
  static String challenge(String verifier) {
    return BASE64URL.encodeToString(sha256(verifier));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return BASE64URL.encodeToString(raw);
  }
}
