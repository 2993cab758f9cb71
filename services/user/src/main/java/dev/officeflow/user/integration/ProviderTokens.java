package dev.officeflow.user.integration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An integration's decrypted tokens, in memory only. Never printed with its tokens. */
public record ProviderTokens(
    String accessToken, @Nullable String refreshToken, Instant accessExpiresAt) {

  @Override
  public String toString() {
    return "ProviderTokens[accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", accessExpiresAt="
        + accessExpiresAt
        + "]";
  }
}
