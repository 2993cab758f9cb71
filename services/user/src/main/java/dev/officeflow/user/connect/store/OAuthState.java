package dev.officeflow.user.connect.store;

import java.time.Instant;

/**
 * What an authorization in progress remembers between start and callback: whose it is, with which
 * provider, the PKCE verifier, the nonce its ID token must echo, when it started, and the hash of
 * the key the starting browser holds in its cookie. Stored as one line, {@code
 * v3|user|provider|verifier|nonce|epoch millis|browser hash}: none of the parts can contain {@code
 * |}.
 */
public record OAuthState(
    String userId,
    String provider,
    String codeVerifier,
    String nonce,
    Instant createdAt,
    String browserHash) {

  String encode() {
    return String.join(
        "|",
        "v3",
        userId,
        provider,
        codeVerifier,
        nonce,
        Long.toString(createdAt.toEpochMilli()),
        browserHash);
  }

  /**
   * Fails with {@link IllegalArgumentException} on anything else, an older version's included (a
   * state written before a deploy then answers "unknown": start again).
   */
  static OAuthState decode(String value) {
    String[] parts = value.split("\\|");
    if (parts.length != 7 || !parts[0].equals("v3")) {
      throw new IllegalArgumentException("not an OAuth state record (version 3)");
    }
    return new OAuthState(
        parts[1],
        parts[2],
        parts[3],
        parts[4],
        Instant.ofEpochMilli(Long.parseLong(parts[5])),
        parts[6]);
  }

  @Override
  public String toString() {
    return "OAuthState[userId="
        + userId
        + ", provider="
        + provider
        + ", createdAt="
        + createdAt
        + "]";
  }
}
