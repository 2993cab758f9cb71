package dev.officeflow.user.microsoft;

import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthHttp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Calls the identity platform's v2.0 token endpoint (or graph-sim's): the code exchange with the
 * PKCE {@code code_verifier}, and refreshes. Every call has the configured timeout; a refresh is
 * retried twice on server errors and timeouts, the code exchange never (a code is single use). An
 * error answer becomes an {@link OAuthException} with the platform's {@code error} and the first
 * line of its {@code error_description} (the {@code AADSTS} code and sentence, without trace ids).
 * Tokens travel only in request bodies, never in logs.
 */
final class MicrosoftOAuthClient {

  private final OAuthHttp calls;
  private final MicrosoftSettings settings;

  MicrosoftOAuthClient(WebClient http, MicrosoftSettings settings) {
    this.calls = new OAuthHttp(http, settings.timeout(), new MicrosoftErrors());
    this.settings = settings;
  }

  /** Redeems an authorization code with its PKCE verifier. */
  Mono<MicrosoftTokens> exchange(String code, String codeVerifier) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("code_verifier", codeVerifier);
    form.add("redirect_uri", settings.redirectUri());
    form.add("scope", String.join(" ", settings.scopes()));
    return post(form);
  }

  /**
   * New tokens for a refresh token, naming the scopes the grant holds (the platform refuses a
   * refresh that asks for more than was consented, so the configured list will not do when the user
   * unticked one). The answer carries a new refresh token.
   */
  Mono<MicrosoftTokens> refresh(String refreshToken, List<String> grantedScopes) {
    Set<String> scopes =
        new LinkedHashSet<>(grantedScopes.isEmpty() ? settings.scopes() : grantedScopes);
    scopes.add("offline_access");
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    form.add("scope", String.join(" ", scopes));
    return OAuthHttp.retried(post(form));
  }

  private Mono<MicrosoftTokens> post(MultiValueMap<String, String> form) {
    return calls.postForm(settings.tokenEndpoint(), form).map(MicrosoftOAuthClient::tokens);
  }

  private MultiValueMap<String, String> client() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", settings.clientId());
    form.add("client_secret", settings.clientSecret());
    return form;
  }

  private static MicrosoftTokens tokens(JsonNode node) {
    String access = node.path("access_token").asString("");
    if (access.isBlank()) {
      throw new OAuthException(502, "invalid_response", "token response without access_token");
    }
    String refresh = node.path("refresh_token").asString("");
    String idToken = node.path("id_token").asString("");
    return new MicrosoftTokens(
        access,
        refresh.isBlank() ? null : refresh,
        node.path("expires_in").asLong(3600),
        MicrosoftScopes.parse(node.path("scope").asString("")),
        idToken.isBlank() ? null : idToken);
  }

  /**
   * The platform's words for its failures: the first line of its {@code error_description} (the
   * {@code AADSTS} code and sentence, without the trace and correlation ids of the lines after) and
   * its {@code suberror} (why consent is needed again, say).
   */
  private static final class MicrosoftErrors implements OAuthHttp.Errors {

    @Override
    public OAuthException answered(int status, String error, JsonNode node) {
      String description =
          node.path("error_description")
              .asString("the Microsoft identity platform answered HTTP " + status)
              .lines()
              .findFirst()
              .orElse("")
              .trim();
      String suberror = node.path("suberror").asString("");
      return new OAuthException(
          status, error, suberror.isBlank() ? description : description + " (" + suberror + ")");
    }

    @Override
    public OAuthException unreachable(Throwable cause) {
      return new OAuthException(
          0, "unavailable", "the Microsoft identity platform did not answer: " + cause, cause);
    }
  }
}
