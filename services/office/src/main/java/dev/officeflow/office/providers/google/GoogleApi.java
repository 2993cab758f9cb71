package dev.officeflow.office.providers.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import dev.officeflow.office.adapter.ProviderClient;
import dev.officeflow.office.quota.QuotaBudget;
import dev.officeflow.office.quota.QuotaLimiter;
import dev.officeflow.office.tokens.ProviderTokens;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The way every Google call is made: its quota reserved first, the blocking client run on a bounded
 * pool (never the event loop), retried with jittered exponential backoff when Google says so or
 * does not answer, and, on a 401, retried once after a token refresh. Thread-safe.
 */
public final class GoogleApi implements ProviderClient, AutoCloseable {

  /** A blocking call through the session's clients. */
  @FunctionalInterface
  public interface Blocking<T> {
    T call(GoogleSession session) throws IOException;
  }

  private final GoogleSettings settings;
  private final GoogleQuota quota;
  private final QuotaLimiter limiter;
  private final ProviderTokens tokens;
  private final Clock clock;
  private final HttpTransport transport = new NetHttpTransport();
  private final JsonFactory json = GsonFactory.getDefaultInstance();
  private final Scheduler scheduler;

  public GoogleApi(
      GoogleSettings settings,
      GoogleQuota quota,
      QuotaLimiter limiter,
      ProviderTokens tokens,
      Clock clock) {
    this.settings = settings;
    this.quota = quota;
    this.limiter = limiter;
    this.tokens = tokens;
    this.clock = clock;
    this.scheduler = Schedulers.newBoundedElastic(settings.threads(), 100_000, "google");
  }

  @Override
  public String provider() {
    return GoogleScopes.PROVIDER;
  }

  @Override
  public Mono<GoogleSession> open(String userId) {
    return open(userId, GoogleScopes.PROVIDER);
  }

  /** A session with the user's current credential for the integration {@code provider}. */
  public Mono<GoogleSession> open(String userId, String provider) {
    return tokens
        .current(userId, provider)
        .map(c -> new GoogleSession(userId, provider, c, tokens, settings, transport, json));
  }

  /** One call of {@code cost} on {@code api}, paced, retried and refreshed as described above. */
  public <T> Mono<T> call(
      GoogleSession session, String method, QuotaBudget api, int cost, Blocking<T> call) {
    return attempt(session, method, api, cost, call, 0, false);
  }

  private <T> Mono<T> attempt(
      GoogleSession s,
      String method,
      QuotaBudget api,
      int cost,
      Blocking<T> call,
      int retry,
      boolean refreshed) {
    Mono<T> once =
        blocking(() -> call.call(s))
            .onErrorMap(
                e -> !(e instanceof GoogleFailure), e -> GoogleFailures.of(method, e, clock));
    return limiter
        .paced(s.userId(), api, cost, once)
        .onErrorResume(
            GoogleFailure.class,
            f -> {
              if (f.kind() == GoogleFailure.Kind.UNAUTHORIZED && !refreshed) {
                return refresh(s).then(attempt(s, method, api, cost, call, retry, true));
              }
              if (f.retryable() && retry < settings.retries()) {
                return Mono.delay(backoff(retry, f))
                    .then(attempt(s, method, api, cost, call, retry + 1, refreshed));
              }
              return Mono.error(f);
            });
  }

  /** Runs blocking work on the bounded pool. */
  public <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(scheduler);
  }

  public Mono<Void> refresh(GoogleSession session) {
    return session.refresh(settings.requestTimeout());
  }

  /**
   * The delay before retry {@code retry} (0-based): the base doubled each time with ±50 % jitter,
   * capped, and never earlier than Google's own "Retry after".
   */
  public Duration backoff(int retry, GoogleFailure failure) {
    long base = settings.retryBackoff().toMillis() << Math.min(retry, 20);
    long capped = Math.min(base, settings.maxRetryBackoff().toMillis());
    long jittered = (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
    Duration delay = Duration.ofMillis(Math.max(1, jittered));
    return failure.retryAfter().filter(d -> d.compareTo(delay) > 0).orElse(delay);
  }

  public QuotaLimiter limiter() {
    return limiter;
  }

  /** Google's per-user budgets. */
  public GoogleQuota quota() {
    return quota;
  }

  public GoogleSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    scheduler.dispose();
  }
}
