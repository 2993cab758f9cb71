package dev.officeflow.user.google;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Google's token endpoint answered. {@code refreshToken} is null on a refresh (Google keeps
 * the old one) and when consent was online only. Never printed with its tokens.
 *
 * @param expiresInSeconds the access token's lifetime from now
 * @param scopes the scopes actually granted (the user may have unticked some)
 */
public record GoogleTokens(
    String accessToken, @Nullable String refreshToken, long expiresInSeconds, List<String> scopes) {

  public GoogleTokens {
    scopes = List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "GoogleTokens[accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", expiresInSeconds="
        + expiresInSeconds
        + ", scopes="
        + scopes
        + "]";
  }
}
