package dev.officeflow.user.oauth;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
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
 * The HTTP side every provider's OAuth client shares: a call read as JSON within the timeout, an
 * error answer (RFC 6749 §5.2 {@code error}, else {@code http_<status>}) or no answer turned into
 * the provider's {@link OAuthException}, and the retry of what is worth retrying. Providers differ
 * only in their endpoints and in how they word an error ({@link Errors}).
 */
public final class OAuthHttp {

  /** How a provider words its failures. */
  public interface Errors {

    /**
     * An error answer: its status, the {@code error} code, and the JSON body ({@code {}} when it
     * had none or it was not JSON).
     */
    OAuthException answered(int status, String error, JsonNode body);

    /** No answer: a timeout or a connection that failed. */
    OAuthException unreachable(Throwable cause);
  }

  private final WebClient http;
  private final Duration timeout;
  private final Errors errors;

  public OAuthHttp(WebClient http, Duration timeout, Errors errors) {
    this.http = http;
    this.timeout = timeout;
    this.errors = errors;
  }

  /** A form POST (a token or revocation endpoint) answered with JSON. */
  public Mono<JsonNode> postForm(String uri, MultiValueMap<String, String> form) {
    return read(
        http.post()
            .uri(uri)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromFormData(form)));
  }

  /** Any other call to the provider (a userinfo GET), read the same way. */
  public Mono<JsonNode> read(WebClient.RequestHeadersSpec<?> request) {
    return request
        .exchangeToMono(this::json)
        .timeout(timeout)
        .onErrorMap(
            e -> e instanceof TimeoutException || e instanceof WebClientRequestException,
            errors::unreachable);
  }

  /**
   * Retried twice with backoff when the provider did not answer or failed (never what it refused:
   * that would fail again); only for calls that are safe to repeat, never a code exchange.
   */
  public static <T> Mono<T> retried(Mono<T> call) {
    return call.retryWhen(
        Retry.backoff(2, Duration.ofMillis(200))
            .jitter(0.5)
            .filter(e -> e instanceof OAuthException o && o.unavailable())
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
  }

  private Mono<JsonNode> json(ClientResponse response) {
    Mono<JsonNode> body =
        response
            .bodyToMono(JsonNode.class)
            .onErrorResume(e -> Mono.empty())
            .defaultIfEmpty(JsonNodeFactory.instance.objectNode());
    if (response.statusCode().is2xxSuccessful()) {
      return body;
    }
    int status = response.statusCode().value();
    return body.flatMap(node -> Mono.error(errors.answered(status, error(status, node), node)));
  }

  private static String error(int status, JsonNode body) {
    return body.path("error").isString() ? body.path("error").asString() : "http_" + status;
  }
}
