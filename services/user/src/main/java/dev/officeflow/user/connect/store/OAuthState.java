package dev.officeflow.user.connect.store;

import java.time.Instant;
import java.util.UUID;

/**
 * What an authorization in progress remembers between start and callback. Stored as one line,
 * {@code v1|user|provider|verifier|epoch millis}: none of the parts can contain {@code |}.
 */
public record OAuthState(UUID userId, String provider, String codeVerifier, Instant createdAt) {

  String encode() {
    return String.join(
        "|",
        "v1",
        userId.toString(),
        provider,
        codeVerifier,
        Long.toString(createdAt.toEpochMilli()));
  }

  static OAuthState decode(String value) {
    String[] parts = value.split("\\|");
    if (parts.length != 5 || !parts[0].equals("v1")) {
      throw new IllegalArgumentException("not an OAuth state record");
    }
    return new OAuthState(
        UUID.fromString(parts[1]),
        parts[2],
        parts[3],
        Instant.ofEpochMilli(Long.parseLong(parts[4])));
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
