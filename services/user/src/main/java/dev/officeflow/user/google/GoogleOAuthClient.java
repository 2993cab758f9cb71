package dev.officeflow.user.google;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Calls Google's OAuth endpoints (or google-sim's). Every call has the configured timeout; refresh,
 * revoke and userinfo are retried twice on server errors and timeouts, the code exchange never (a
 * code is single use). Tokens travel only in request bodies and headers, never in logs.
 */
public class GoogleOAuthClient {

  private final WebClient http;
  private final GoogleSettings settings;

  GoogleOAuthClient(WebClient.Builder builder, GoogleSettings settings) {
    this.http = builder.build();
    this.settings = settings;
  }

  /** Redeems an authorization code with its PKCE verifier. */
  public Mono<GoogleTokens> exchange(String code, String codeVerifier) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("code_verifier", codeVerifier);
    form.add("redirect_uri", settings.redirectUri());
    return post(settings.tokenEndpoint(), form).map(GoogleOAuthClient::tokens);
  }

  /** A new access token for a refresh token; Google keeps the refresh token as it is. */
  public Mono<GoogleTokens> refresh(String refreshToken) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    return retried(post(settings.tokenEndpoint(), form).map(GoogleOAuthClient::tokens));
  }

  /** Revokes the whole grant behind an access or refresh token. */
  public Mono<Void> revoke(String token) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    return retried(post(settings.revokeEndpoint(), form).then());
  }

  /** The Google account's own address. */
  public Mono<String> accountEmail(String accessToken) {
    Mono<String> email =
        http.get()
            .uri(settings.userinfoEndpoint())
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
            .exchangeToMono(GoogleOAuthClient::json)
            .map(node -> node.path("email").asString(""))
            .filter(address -> !address.isBlank())
            .switchIfEmpty(
                Mono.error(
                    new GoogleOAuthException(
                        502, "no_email", "Google's userinfo carried no email address")));
    return retried(limited(email));
  }

  private Mono<JsonNode> post(String uri, MultiValueMap<String, String> form) {
    return limited(
        http.post()
            .uri(uri)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromFormData(form))
            .exchangeToMono(GoogleOAuthClient::json));
  }

  private MultiValueMap<String, String> client() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", settings.clientId());
    form.add("client_secret", settings.clientSecret());
    return form;
  }

  private static Mono<JsonNode> json(ClientResponse response) {
    Mono<JsonNode> body =
        response
            .bodyToMono(JsonNode.class)
            .onErrorResume(e -> Mono.empty())
            .defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    if (response.statusCode().is2xxSuccessful()) {
      return body;
    }
    int status = response.statusCode().value();
    return body.flatMap(
        node ->
            Mono.error(
                new GoogleOAuthException(
                    status,
                    node.path("error").isString()
                        ? node.path("error").asString()
                        : "http_" + status,
                    node.path("error_description").asString("Google answered HTTP " + status))));
  }

  private <T> Mono<T> limited(Mono<T> call) {
    return call.timeout(settings.timeout())
        .onErrorMap(
            e -> e instanceof TimeoutException || e instanceof WebClientRequestException,
            e -> new GoogleOAuthException(0, "unavailable", "Google did not answer: " + e, e));
  }

  private static <T> Mono<T> retried(Mono<T> call) {
    return call.retryWhen(
        Retry.backoff(2, Duration.ofMillis(200))
            .jitter(0.5)
            .filter(e -> e instanceof GoogleOAuthException g && g.unavailable())
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
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
}
