package dev.officeflow.user.google;

import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthHttp;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Calls Google's OAuth endpoints (or google-sim's). Every call has the configured timeout; refresh,
 * revoke and userinfo are retried twice on server errors and timeouts, the code exchange never (a
 * code is single use). Tokens travel only in request bodies and headers, never in logs.
 */
public class GoogleOAuthClient {

  private final WebClient http;
  private final OAuthHttp calls;
  private final GoogleSettings settings;

  GoogleOAuthClient(WebClient.Builder builder, GoogleSettings settings) {
    this.http = builder.build();
    this.calls = new OAuthHttp(http, settings.timeout(), new GoogleErrors());
    this.settings = settings;
  }

  /** Redeems an authorization code with its PKCE verifier. */
  public Mono<GoogleTokens> exchange(String code, String codeVerifier) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("code_verifier", codeVerifier);
    form.add("redirect_uri", settings.redirectUri());
    return calls.postForm(settings.tokenEndpoint(), form).map(GoogleOAuthClient::tokens);
  }

  /** A new access token for a refresh token; Google keeps the refresh token as it is. */
  public Mono<GoogleTokens> refresh(String refreshToken) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    return OAuthHttp.retried(
        calls.postForm(settings.tokenEndpoint(), form).map(GoogleOAuthClient::tokens));
  }

  /** Revokes the whole grant behind an access or refresh token. */
  public Mono<Void> revoke(String token) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    return OAuthHttp.retried(calls.postForm(settings.revokeEndpoint(), form).then());
  }

  /** The Google account's own address. */
  public Mono<String> accountEmail(String accessToken) {
    Mono<String> email =
        calls
            .read(
                http.get()
                    .uri(settings.userinfoEndpoint())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
            .map(node -> node.path("email").asString(""))
            .filter(address -> !address.isBlank())
            .switchIfEmpty(
                Mono.error(
                    new GoogleOAuthException(
                        502, "no_email", "Google's userinfo carried no email address")));
    return OAuthHttp.retried(email);
  }

  private MultiValueMap<String, String> client() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", settings.clientId());
    form.add("client_secret", settings.clientSecret());
    return form;
  }

  private static GoogleTokens tokens(JsonNode node) {
    String access = node.path("access_token").asString("");
    if (access.isBlank()) {
      throw new GoogleOAuthException(502, "invalid_response", "token response without token");
    }
    String refresh = node.path("refresh_token").asString("");
    List<String> scopes =
        Arrays.stream(node.path("scope").asString("").trim().split("\\s+"))
            .filter(s -> !s.isBlank())
            .toList();
    return new GoogleTokens(
        access, refresh.isBlank() ? null : refresh, node.path("expires_in").asLong(3600), scopes);
  }

  /** Google's words for its failures: its {@code error_description} as it is. */
  private static final class GoogleErrors implements OAuthHttp.Errors {

    @Override
    public OAuthException answered(int status, String error, JsonNode body) {
      return new GoogleOAuthException(
          status, error, body.path("error_description").asString("Google answered HTTP " + status));
    }

    @Override
    public OAuthException unreachable(Throwable cause) {
      return new GoogleOAuthException(0, "unavailable", "Google did not answer: " + cause, cause);
    }
  }
}
