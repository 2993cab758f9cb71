package dev.officeflow.googlesim.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7636 verification: {@code S256} (BASE64URL(SHA-256(verifier))) or {@code plain}. */
final class Pkce {

  private Pkce() {}

  static boolean matches(String challenge, String method, String verifier) {
    if (method.equalsIgnoreCase("plain")) {
      return challenge.equals(verifier);
    }
    return challenge.equals(s256(verifier));
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
