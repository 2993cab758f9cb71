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
 * Tokens for local runs: each user's first grant per provider comes from configuration or, for
 * users not configured there, from the simulator's admin API: google-sim's ({@code POST
 * /sim/accounts/{email}/tokens}) for {@code google}, graph-sim's ({@code POST
 * /admin/accounts/{email}/tokens}, issued to the configured client id, whose calls graph-sim then
 * throttles as that app's) for {@code microsoft}. Refreshing uses the OAuth {@code refresh_token}
 * grant at the provider's token endpoint, exactly as against Google or the Microsoft identity
 * platform, so a revoked grant fails the way it would in production ({@code invalid_grant}); the
 * identity platform replaces the refresh token on every use, and the new one is kept. Here the
 * office holds the grants itself, so {@link #release} does what the user service does on a purge's
 * confirmation: it revokes the user's Google grant at google-sim's revoke endpoint and forgets
 * every grant (the identity platform has no revocation endpoint: a Microsoft grant is forgotten).
 * Thread-safe.
 */
public final class LocalProviderTokens implements ProviderTokens {

  static final String GOOGLE = "google";
  static final String MICROSOFT = "microsoft";
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
                    ? Mono.error(unavailable(userId, provider, "no refresh token"))
                    : refreshed(userId, provider, h))
        .doOnNext(h -> held.put(key(userId, provider), h))
        .map(Held::credential);
  }

  private static String key(String userId, String provider) {
    return userId + "/" + provider;
  }

  @Override
  public Mono<Void> release(String userId) {
    held.remove(key(userId, MICROSOFT));
    Held grant = held.remove(key(userId, GOOGLE));
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
        .doOnError(e -> held.putIfAbsent(key(userId, GOOGLE), grant));
  }

  private Mono<Held> grant(String userId, String provider) {
    if (!GOOGLE.equals(provider) && !MICROSOFT.equals(provider)) {
      return Mono.error(
          unavailable(userId, provider, "provider " + provider + " is not supported"));
    }
    String key = key(userId, provider);
    Held known = held.get(key);
    if (known != null) {
      return Mono.just(known);
    }
    boolean sim =
        settings.source() == TokenSettings.Source.GOOGLE_SIM
            && !settings.users().containsKey(userId);
    Mono<Held> initial =
        !sim
            ? configured(userId, provider)
            : GOOGLE.equals(provider) ? fromSim(userId) : fromGraphSim(userId);
    return initial.doOnNext(h -> held.putIfAbsent(key, h)).map(h -> held.get(key));
  }

  private Mono<Held> configured(String userId, String provider) {
    TokenSettings.Grant grant = settings.users().get(userId);
    if (grant == null || !grant.provider().equals(provider)) {
      return Mono.error(unavailable(userId, provider, "no configured grant"));
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
      return Mono.error(unavailable(userId, GOOGLE, "no google-sim account mapped"));
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
            e -> unavailable(userId, GOOGLE, "google-sim issued no tokens: " + e.getMessage(), e));
  }

  /** graph-sim's admin route issues the grant to the configured app, as consent would. */
  private Mono<Held> fromGraphSim(String userId) {
    TokenSettings.Microsoft microsoft = settings.microsoft();
    String account = settings.accounts().getOrDefault(userId, userId);
    if (microsoft.simUrl().isBlank() || !account.contains("@")) {
      return Mono.error(unavailable(userId, MICROSOFT, "no graph-sim or account configured"));
    }
    Map<String, Object> body =
        microsoft.clientId().isBlank() ? Map.of() : Map.of("clientId", microsoft.clientId());
    return http.post()
        .uri(microsoft.simUrl() + "admin/accounts/{email}/tokens", account)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .retrieve()
        .bodyToMono(JSON)
        .timeout(TIMEOUT)
        .map(json -> held(json, account, null))
        .onErrorMap(
            LocalProviderTokens::refused,
            e ->
                unavailable(userId, MICROSOFT, "graph-sim issued no tokens: " + e.getMessage(), e));
  }

  private Mono<Held> refreshed(String userId, String provider, Held current) {
    boolean microsoft = MICROSOFT.equals(provider);
    String tokenUrl = microsoft ? settings.microsoft().tokenUrl() : settings.tokenUrl();
    String clientId = microsoft ? settings.microsoft().clientId() : settings.clientId();
    String secret = microsoft ? settings.microsoft().clientSecret() : settings.clientSecret();
    return http.post()
        .uri(tokenUrl)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("grant_type", "refresh_token")
                .with("refresh_token", current.refreshToken())
                .with("client_id", clientId)
                .with("client_secret", secret))
        .retrieve()
        .bodyToMono(JSON)
        .timeout(TIMEOUT)
        .map(json -> held(json, current.account(), current))
        .onErrorMap(LocalProviderTokens::refused, e -> refreshFailed(userId, provider, e));
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
   * The error body is the reason: Google's ({@code invalid_grant: Token has been expired or
   * revoked.}) or the identity platform's ({@code invalid_grant (AADSTS65001: The user or
   * administrator has not consented ...)}, its description's first line: the rest is trace ids).
   */
  private static TokenUnavailableException refreshFailed(
      String userId, String provider, Throwable e) {
    WebClientResponseException response = (WebClientResponseException) e;
    Map<?, ?> body = response.getResponseBodyAs(Map.class);
    String reason =
        body == null
            ? response.getStatusCode().toString()
            : body.get("error") + " (" + firstLine(body.get("error_description")) + ")";
    return unavailable(userId, provider, "refreshing the token failed: " + reason, e);
  }

  private static String firstLine(@Nullable Object text) {
    String s = String.valueOf(text);
    int end = s.indexOf('\r') >= 0 ? s.indexOf('\r') : s.indexOf('\n');
    return end < 0 ? s : s.substring(0, end);
  }

  private static TokenUnavailableException unavailable(String userId, String provider, String why) {
    return new TokenUnavailableException(
        userId, provider + " token of user " + userId + ": " + why);
  }

  private static TokenUnavailableException unavailable(
      String userId, String provider, String why, Throwable e) {
    return new TokenUnavailableException(
        userId, provider + " token of user " + userId + ": " + why, e);
  }
}
