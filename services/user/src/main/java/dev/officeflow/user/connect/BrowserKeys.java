package dev.officeflow.user.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The key that binds an authorization to the browser that started it: 32 random bytes the browser
 * keeps in an HttpOnly cookie; the state keeps only its SHA-256, so Redis never holds a usable key.
 * Compared in constant time.
 */
public final class BrowserKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

  private BrowserKeys() {}

  /**
   * The key the browser already holds, when it is one of ours in shape (several authorizations from
   * one browser then share it), else a new one.
   */
  public static String keep(@Nullable String presented) {
    if (presented != null && WELL_FORMED.matcher(presented).matches()) {
      return presented;
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return BASE64URL.encodeToString(raw);
  }

  static String hash(String key) {
    return BASE64URL.encodeToString(sha256(key));
  }

  static boolean matches(String presented, String expectedHash) {
    return MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
