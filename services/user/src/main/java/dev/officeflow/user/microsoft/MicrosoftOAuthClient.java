package dev.officeflow.user.microsoft;

import dev.officeflow.user.oauth.OAuthException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
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
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Calls the identity platform's v2.0 token endpoint (or graph-sim's): the code exchange with the
 * PKCE {@code code_verifier}, and refreshes. Every call has the configured timeout; a refresh is
 * retried twice on server errors and timeouts, the code exchange never (a code is single use). An
 * error answer becomes an {@link OAuthException} with the platform's {@code error} and the first
 * line of its {@code error_description} (the {@code AADSTS} code and sentence, without trace ids).
 * Tokens travel only in request bodies, never in logs.
 */
final class MicrosoftOAuthClient {

  private final WebClient http;
  private final MicrosoftSettings settings;

  MicrosoftOAuthClient(WebClient http, MicrosoftSettings settings) {
    this.http = http;
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
    return post(form)
        .retryWhen(
            Retry.backoff(2, Duration.ofMillis(200))
                .jitter(0.5)
                .filter(e -> e instanceof OAuthException o && o.unavailable())
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
  }

  private Mono<MicrosoftTokens> post(MultiValueMap<String, String> form) {
    return http.post()
        .uri(settings.tokenEndpoint())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.APPLICATION_JSON)
        .body(BodyInserters.fromFormData(form))
        .exchangeToMono(MicrosoftOAuthClient::json)
        .timeout(settings.timeout())
        .onErrorMap(
            e -> e instanceof TimeoutException || e instanceof WebClientRequestException,
            e ->
                new OAuthException(
                    0, "unavailable", "the Microsoft identity platform did not answer: " + e, e))
        .map(MicrosoftOAuthClient::tokens);
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
            .defaultIfEmpty(JsonNodeFactory.instance.objectNode());
    if (response.statusCode().is2xxSuccessful()) {
      return body;
    }
    int status = response.statusCode().value();
    return body.flatMap(node -> Mono.error(error(status, node)));
  }

  private static OAuthException error(int status, JsonNode node) {
    String error = node.path("error").isString() ? node.path("error").asString() : "http_" + status;
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
}
