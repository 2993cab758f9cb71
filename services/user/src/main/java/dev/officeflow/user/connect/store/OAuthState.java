package dev.officeflow.user.connect.store;

import java.time.Instant;
import java.util.UUID;

/**
 * What an authorization in progress remembers between start and callback: whose it is, the PKCE
 * verifier, when it started, and the hash of the key the starting browser holds in its cookie.
 * Stored as one line, {@code v2|user|provider|verifier|epoch millis|browser hash}: none of the
 * parts can contain {@code |}.
 */
public record OAuthState(
    UUID userId, String provider, String codeVerifier, Instant createdAt, String browserHash) {

  String encode() {
    return String.join(
        "|",
        "v2",
        userId.toString(),
        provider,
        codeVerifier,
        Long.toString(createdAt.toEpochMilli()),
        browserHash);
  }

  /** Fails with {@link IllegalArgumentException} on anything else, an older version's included. */
  static OAuthState decode(String value) {
    String[] parts = value.split("\\|");
    if (parts.length != 6 || !parts[0].equals("v2")) {
      throw new IllegalArgumentException("not an OAuth state record (version 2)");
    }
    return new OAuthState(
        UUID.fromString(parts[1]),
        parts[2],
        parts[3],
        Instant.ofEpochMilli(Long.parseLong(parts[4])),
        parts[5]);
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
