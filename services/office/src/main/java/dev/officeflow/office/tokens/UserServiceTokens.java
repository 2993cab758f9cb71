package dev.officeflow.office.tokens;

import dev.officeflow.runtime.security.ServiceCredentials;
import dev.officeflow.runtime.trace.HttpTraceContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the user service's {@code POST /internal/tokens/get} (services/user/README.md), which
 * refreshes them once per integration however many callers ask. A refused grant, missing scopes or
 * a missing integration are permanent ({@link TokenUnavailableException}); a 5xx or a network
 * failure is left to the job's retries. A call carries the trace of the chain that makes it ({@link
 * HttpTraceContext}), so a backfill run's token calls show in its trace. In a chain marked by
 * {@link PurgeTokens} it asks for the grant held for a deleted user's purge ({@code purpose}); once
 * the purge is done, {@link #release} confirms it ({@code POST
 * /internal/users/{id}/provider-release}), and the user service revokes the grant.
 */
public final class UserServiceTokens implements ProviderTokens {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  private static final JsonMapper ERRORS = JsonMapper.builder().build();

  private final WebClient http;
  private final ServiceCredentials credentials;

  // The token last served per user and provider: after a 401 from Google the user service is
  // told which token was refused, so it refreshes that one (and only once across callers).
  private final Map<String, String> served = new ConcurrentHashMap<>();

  public UserServiceTokens(WebClient http, ServiceCredentials credentials) {
    this.http = http;
    this.credentials = credentials;
  }

  @Override
  public Mono<ProviderCredential> current(String userId, String provider) {
    return fetch(userId, provider, null);
  }

  @Override
  public Mono<ProviderCredential> refresh(String userId, String provider) {
    return fetch(userId, provider, served.get(userId + "/" + provider));
  }

  @Override
  public Mono<Void> release(String userId) {
    return credentials
        .authorization()
        .flatMap(
            authorization ->
                Mono.deferContextual(
                    context ->
                        http.post()
                            .uri("/internal/users/{id}/provider-release", userId)
                            .header(HttpHeaders.AUTHORIZATION, authorization)
                            .headers(h -> HttpTraceContext.inject(HttpTraceContext.of(context), h))
                            .retrieve()
                            .toBodilessEntity()))
        .timeout(TIMEOUT)
        .doOnSuccess(done -> served.keySet().removeIf(key -> key.startsWith(userId + "/")))
        .then();
  }

  private Mono<ProviderCredential> fetch(
      String userId, String provider, @Nullable String rejectedToken) {
    return credentials
        .authorization()
        .flatMap(
            authorization ->
                Mono.deferContextual(
                    context ->
                        http.post()
                            .uri("/internal/tokens/get")
                            .header(HttpHeaders.AUTHORIZATION, authorization)
                            .headers(h -> HttpTraceContext.inject(HttpTraceContext.of(context), h))
                            .bodyValue(request(userId, provider, rejectedToken, context))
                            .retrieve()
                            .bodyToMono(JSON)))
        .timeout(TIMEOUT)
        .map(body -> credential(body))
        .doOnNext(c -> served.put(userId + "/" + provider, c.accessToken()))
        .onErrorMap(WebClientResponseException.class, e -> permanentOrNot(userId, e));
  }

  private static Map<String, Object> request(
      String userId, String provider, @Nullable String rejectedToken, ContextView context) {
    Map<String, Object> request = new HashMap<>();
    request.put("user_id", userId);
    request.put("provider", provider);
    if (rejectedToken != null) {
      request.put("rejected_access_token", rejectedToken);
    }
    if (PurgeTokens.requested(context)) {
      request.put("purpose", "purge");
    }
    return request;
  }

  private static ProviderCredential credential(Map<String, Object> body) {
    Object scopes = body.get("scopes");
    return new ProviderCredential(
        String.valueOf(body.get("access_token")),
        String.valueOf(body.get("account_email")),
        scopes instanceof List<?> list
            ? Set.copyOf(list.stream().map(String::valueOf).toList())
            : Set.of());
  }

  private static Throwable permanentOrNot(String userId, WebClientResponseException e) {
    if (e.getStatusCode().is5xxServerError()) {
      return e;
    }
    return new TokenUnavailableException(
        userId,
        "the user service refused a token (" + e.getStatusCode().value() + "): " + message(e),
        e);
  }

  /** The problem's {@code code}: {@code detail} when it is one, else the raw body. */
  private static String message(WebClientResponseException e) {
    try {
      JsonNode body = ERRORS.readTree(e.getResponseBodyAsString());
      String detail = body.path("detail").asString("");
      String code = body.path("code").asString("");
      if (!detail.isEmpty()) {
        return code.isEmpty() ? detail : code + ": " + detail;
      }
    } catch (JacksonException notJson) {
      // fall through: the raw body is the best description there is
    }
    return e.getResponseBodyAsString();
  }
}
