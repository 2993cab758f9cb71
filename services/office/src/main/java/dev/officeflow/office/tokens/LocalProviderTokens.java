package dev.officeflow.office.tokens;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Tokens for local runs: each user's first grant comes from configuration or, for users not
 * configured there, from google-sim's admin API ({@code POST /sim/accounts/{email}/tokens});
 * refreshing uses the OAuth {@code refresh_token} grant at the token endpoint, exactly as against
 * Google, so a revoked grant fails the way it would in production. Here the office holds the grants
 * itself, so {@link #release} does what the user service does on a purge's confirmation: it revokes
 * the user's grant at google-sim's revoke endpoint and forgets it. Thread-safe.
 */
public final class LocalProviderTokens implements ProviderTokens {

  static final String GOOGLE = "google";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  private record Held(
      String accessToken, @Nullable String refreshToken, String account, Set<String> scopes) {

    ProviderCredential credential() {
      return new ProviderCredential(accessToken, account, scopes);
    }

    @Override
    public String toString() {
      return "Held[account=" + account + "]";
    }
  }

  private final TokenSettings settings;
  private final WebClient http;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  public LocalProviderTokens(TokenSettings settings, WebClient http) {
    this.settings = settings;
    this.http = http;
  }

  @Override
  public Mono<ProviderCredential> current(String userId, String provider) {
    return grant(userId, provider).map(Held::credential);
  }

  @Override
  public Mono<ProviderCredential> refresh(String userId, String provider) {
    return grant(userId, provider)
        .flatMap(
            h ->
                h.refreshToken() == null
                    ? Mono.error(unavailable(userId, "no refresh token"))
                    : refreshed(userId, h))
        .doOnNext(h -> held.put(userId, h))
        .map(Held::credential);
  }

  @Override
  public Mono<Void> release(String userId) {
    Held grant = held.remove(userId);
    if (grant == null || settings.simUrl().isBlank()) {
      return Mono.empty();
    }
    String token = grant.refreshToken() != null ? grant.refreshToken() : grant.accessToken();
    return http.post()
        .uri(settings.simUrl() + "revoke")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("token", token))
        .retrieve()
        .toBodilessEntity()
        .timeout(TIMEOUT)
        .then()
        // 400 invalid_token: revoked already.
        .onErrorResume(LocalProviderTokens::refused, e -> Mono.empty())
        .doOnError(e -> held.putIfAbsent(userId, grant));
  }

  private Mono<Held> grant(String userId, String provider) {
    if (!GOOGLE.equals(provider)) {
      return Mono.error(unavailable(userId, "provider " + provider + " is not supported"));
    }
    Held known = held.get(userId);
    if (known != null) {
      return Mono.just(known);
    }
    boolean sim =
        settings.source() == TokenSettings.Source.GOOGLE_SIM
            && !settings.users().containsKey(userId);
    Mono<Held> initial = sim ? fromSim(userId) : configured(userId);
    return initial.doOnNext(h -> held.putIfAbsent(userId, h)).map(h -> held.get(userId));
  }

  private Mono<Held> configured(String userId) {
    TokenSettings.Grant grant = settings.users().get(userId);
    if (grant == null) {
      return Mono.error(unavailable(userId, "no configured grant"));
    }
    return Mono.just(
        new Held(
            grant.accessToken(),
            grant.refreshToken(),
            grant.account(),
            Set.copyOf(grant.scopes())));
  }

  private Mono<Held> fromSim(String userId) {
    String account = settings.accounts().getOrDefault(userId, userId);
    if (!account.contains("@")) {
      return Mono.error(unavailable(userId, "no google-sim account mapped"));
    }
    return http.post()
        .uri(settings.simUrl() + "sim/accounts/{email}/tokens", account)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of())
        .retrieve()
        .bodyToMono(JSON)
        .timeout(TIMEOUT)
        .map(json -> held(json, account, null))
        .onErrorMap(
            LocalProviderTokens::refused,
            e -> unavailable(userId, "google-sim issued no tokens: " + e.getMessage(), e));
  }

  private Mono<Held> refreshed(String userId, Held current) {
    return http.post()
        .uri(settings.tokenUrl())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("grant_type", "refresh_token")
                .with("refresh_token", current.refreshToken())
                .with("client_id", settings.clientId())
                .with("client_secret", settings.clientSecret()))
        .retrieve()
        .bodyToMono(JSON)
        .timeout(TIMEOUT)
        .map(json -> held(json, current.account(), current))
        .onErrorMap(LocalProviderTokens::refused, e -> refreshFailed(userId, e));
  }

  private static Held held(Map<String, Object> json, String account, @Nullable Held previous) {
    Object access = json.get("access_token");
    if (!(access instanceof String token) || token.isBlank()) {
      throw new IllegalStateException("the token response has no access_token");
    }
    Object refresh = json.get("refresh_token");
    Object scope = json.get("scope");
    Set<String> scopes =
        scope instanceof String s && !s.isBlank()
            ? Set.of(s.trim().split("\\s+"))
            : previous == null ? Set.of() : previous.scopes();
    String refreshToken =
        refresh instanceof String r ? r : previous == null ? null : previous.refreshToken();
    return new Held(token, refreshToken, account, scopes);
  }

  /**
   * A 4xx answer: the grant or the account is not usable, and asking again will not change that.
   * Other failures (unreachable, 5xx, timeouts) pass unchanged, so the job retries later.
   */
  private static boolean refused(Throwable e) {
    return e instanceof WebClientResponseException response
        && response.getStatusCode().is4xxClientError();
  }

  /**
   * Google's error body ({@code invalid_grant: Token has been expired or revoked.}) is the reason.
   */
  private static TokenUnavailableException refreshFailed(String userId, Throwable e) {
    WebClientResponseException response = (WebClientResponseException) e;
    Map<?, ?> body = response.getResponseBodyAs(Map.class);
    String reason =
        body == null
            ? response.getStatusCode().toString()
            : body.get("error") + " (" + body.get("error_description") + ")";
    return unavailable(userId, "refreshing the token failed: " + reason, e);
  }

  private static TokenUnavailableException unavailable(String userId, String why) {
    return new TokenUnavailableException(userId, "google token of user " + userId + ": " + why);
  }

  private static TokenUnavailableException unavailable(String userId, String why, Throwable e) {
    return new TokenUnavailableException(userId, "google token of user " + userId + ": " + why, e);
  }
}
