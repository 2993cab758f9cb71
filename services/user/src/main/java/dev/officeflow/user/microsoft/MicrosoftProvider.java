package dev.officeflow.user.microsoft;

import dev.officeflow.user.oauth.AuthorizationRequest;
import dev.officeflow.user.oauth.InvalidIdTokenException;
import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.ProviderGrant;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Microsoft as an {@link OAuthProvider}: the v2.0 authorize URL ({@code response_mode=query}, PKCE
 * S256, {@code nonce}), the code exchange whose id_token (checked, nonce included) names the
 * account, refreshes that rotate the refresh token, and no revocation: the identity platform has no
 * endpoint for it, so disconnecting forgets the grant (the user removes the app at
 * myapps.microsoft.com / account.live.com, or an admin revokes their sessions).
 */
final class MicrosoftProvider implements OAuthProvider {

  static final String NAME = "microsoft";

  private final MicrosoftOAuthClient client;
  private final MicrosoftIdTokens idTokens;
  private final MicrosoftSettings settings;

  MicrosoftProvider(
      MicrosoftOAuthClient client, MicrosoftIdTokens idTokens, MicrosoftSettings settings) {
    this.client = client;
    this.idTokens = idTokens;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String displayName() {
    return "Microsoft";
  }

  @Override
  public String authorizationUrl(AuthorizationRequest request) {
    UriComponentsBuilder url =
        UriComponentsBuilder.fromUriString(settings.authorizationEndpoint())
            .queryParam("client_id", settings.clientId())
            .queryParam("response_type", "code")
            .queryParam("redirect_uri", settings.redirectUri())
            .queryParam("response_mode", "query")
            .queryParam("scope", String.join(" ", settings.scopes()))
            .queryParam("state", request.state())
            .queryParam("nonce", request.nonce())
            .queryParam("code_challenge", request.codeChallenge())
            .queryParam("code_challenge_method", "S256");
    if (request.loginHint() != null && !request.loginHint().isBlank()) {
      url.queryParam("login_hint", request.loginHint());
    } else {
      url.queryParam("prompt", "select_account");
    }
    return url.encode().build().toUriString();
  }

  @Override
  public Mono<ProviderGrant> exchange(String code, String codeVerifier, String nonce) {
    return client
        .exchange(code, codeVerifier)
        .flatMap(
            tokens ->
                tokens.idToken() == null
                    ? Mono.error(
                        new OAuthException(
                            502, "invalid_response", "the token response carried no id_token"))
                    : idTokens
                        .connected(tokens.idToken(), nonce)
                        .onErrorMap(InvalidIdTokenException.class, MicrosoftProvider::badIdToken)
                        .flatMap(identity -> account(tokens, identity)));
  }

  @Override
  public Mono<ProviderGrant> refresh(String refreshToken, List<String> grantedScopes) {
    return client.refresh(refreshToken, grantedScopes).map(t -> grant(t, null));
  }

  /** Nothing to call: the identity platform has no revocation endpoint. */
  @Override
  public Mono<Boolean> revoke(String token) {
    return Mono.just(false);
  }

  private static Mono<ProviderGrant> account(MicrosoftTokens tokens, MicrosoftIdentity identity) {
    if (identity.email() == null) {
      return Mono.error(
          new OAuthException(
              502, "no_email", "the id_token names no address (email or preferred_username)"));
    }
    return Mono.just(grant(tokens, identity.email()));
  }

  /** An id_token that fails its checks after a code exchange: the provider's answer is bad. */
  private static OAuthException badIdToken(InvalidIdTokenException e) {
    return new OAuthException(400, "invalid_id_token", e.getMessage(), e);
  }

  private static ProviderGrant grant(MicrosoftTokens tokens, String email) {
    return new ProviderGrant(
        tokens.accessToken(),
        tokens.refreshToken(),
        tokens.expiresInSeconds(),
        tokens.scopes(),
        email);
  }
}
