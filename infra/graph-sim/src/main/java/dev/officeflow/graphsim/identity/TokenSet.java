package dev.officeflow.graphsim.identity;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one token response carries.
 *
 * @param refreshToken present when {@code offline_access} was granted
 * @param idToken present when {@code openid} was granted
 * @param scopes granted scopes, short forms
 */
public record TokenSet(
    String accessToken,
    @Nullable String refreshToken,
    @Nullable String idToken,
    Set<String> scopes,
    Duration expiresIn) {

  public TokenSet {
    scopes = Set.copyOf(scopes);
  }

  /** The {@code scope} of the response: Graph scopes short, OpenID scopes as they are. */
  public String scopeString() {
    return String.join(" ", Scopes.ALL.stream().filter(scopes::contains).toList());
  }
}
