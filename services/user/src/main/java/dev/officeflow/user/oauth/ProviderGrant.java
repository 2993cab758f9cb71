package dev.officeflow.user.oauth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a provider's token endpoint granted. Never printed with its tokens.
 *
 * @param refreshToken null when the provider keeps the old one (Google on a refresh) or granted
 *     none; a provider that rotates (Microsoft) sends a new one with every refresh
 * @param expiresInSeconds the access token's lifetime from now
 * @param scopes the scopes actually granted (the user may have unticked some); empty when the
 *     provider did not say
 * @param accountEmail the provider account's address, known after a code exchange; null after a
 *     refresh
 */
public record ProviderGrant(
    String accessToken,
    @Nullable String refreshToken,
    long expiresInSeconds,
    List<String> scopes,
    @Nullable String accountEmail) {

  public ProviderGrant {
    scopes = List.copyOf(scopes);
  }

  /** The same grant, with the account's address. */
  public ProviderGrant withAccountEmail(String email) {
    return new ProviderGrant(accessToken, refreshToken, expiresInSeconds, scopes, email);
  }

  @Override
  public String toString() {
    return "ProviderGrant[accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", expiresInSeconds="
        + expiresInSeconds
        + ", scopes="
        + scopes
        + ", accountEmail="
        + accountEmail
        + "]";
  }
}
