package dev.officeflow.user.microsoft;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the identity platform's token endpoint answered. Never printed with its tokens.
 *
 * @param refreshToken a new one with every answer when {@code offline_access} was granted: the
 *     platform rotates them, so the caller stores it in place of the one it used
 * @param scopes the granted scopes, Graph's in their short form
 * @param idToken the id_token, with {@code openid}
 */
record MicrosoftTokens(
    String accessToken,
    @Nullable String refreshToken,
    long expiresInSeconds,
    List<String> scopes,
    @Nullable String idToken) {

  MicrosoftTokens {
    scopes = List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "MicrosoftTokens[accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", expiresInSeconds="
        + expiresInSeconds
        + ", scopes="
        + scopes
        + "]";
  }
}
