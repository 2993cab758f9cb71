package dev.officeflow.googlesim.oauth;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tokens issued for one consent.
 *
 * @param refreshToken null unless the authorize request asked for {@code access_type=offline}
 */
public record TokenGrant(
    String email,
    String accessToken,
    @Nullable String refreshToken,
    Set<String> scopes,
    Instant expiresAt) {

  public TokenGrant {
    scopes = Set.copyOf(scopes);
  }
}
