package dev.officeflow.user.google;

import dev.officeflow.user.oauth.AuthorizationRequest;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.ProviderGrant;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Google as an {@link OAuthProvider}: its authorize URL (offline access, consent every time so a
 * refresh token comes every time), the code exchange followed by userinfo for the account's
 * address, refresh (Google keeps the refresh token) and revocation of the whole grant.
 */
final class GoogleProvider implements OAuthProvider {

  static final String NAME = "google";

  private final GoogleOAuthClient client;
  private final GoogleSettings settings;

  GoogleProvider(GoogleOAuthClient client, GoogleSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String displayName() {
    return "Google";
  }

  @Override
  public String authorizationUrl(AuthorizationRequest request) {
    UriComponentsBuilder url =
        UriComponentsBuilder.fromUriString(settings.authorizationEndpoint())
            .queryParam("response_type", "code")
            .queryParam("client_id", settings.clientId())
            .queryParam("redirect_uri", settings.redirectUri())
            .queryParam("scope", String.join(" ", settings.scopes()))
            .queryParam("state", request.state())
            .queryParam("code_challenge", request.codeChallenge())
            .queryParam("code_challenge_method", "S256")
            // Offline access for a refresh token; consent again so Google sends one every time.
            .queryParam("access_type", "offline")
            .queryParam("prompt", "consent");
    if (request.loginHint() != null && !request.loginHint().isBlank()) {
      url.queryParam("login_hint", request.loginHint());
    }
    return url.encode().build().toUriString();
  }

  @Override
  public Mono<ProviderGrant> exchange(String code, String codeVerifier, String nonce) {
    return client
        .exchange(code, codeVerifier)
        .flatMap(
            tokens ->
                client
                    .accountEmail(tokens.accessToken())
                    .map(email -> grant(tokens).withAccountEmail(email)));
  }

  @Override
  public Mono<ProviderGrant> refresh(String refreshToken, List<String> grantedScopes) {
    return client.refresh(refreshToken).map(GoogleProvider::grant);
  }

  @Override
  public Mono<Boolean> revoke(String token) {
    return client.revoke(token).thenReturn(true);
  }

  private static ProviderGrant grant(GoogleTokens tokens) {
    return new ProviderGrant(
        tokens.accessToken(),
        tokens.refreshToken(),
        tokens.expiresInSeconds(),
        tokens.scopes(),
        null);
  }
}
