package dev.officeflow.office.providers.microsoft;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.RetryHandler;
import dev.officeflow.office.adapter.ProviderClient;
import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.quota.ConcurrencyLimiter;
import dev.officeflow.office.quota.QuotaLimiter;
import dev.officeflow.office.tokens.ProviderTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The way every Graph call is made, as {@code GoogleApi} makes Google's: its Outlook request
 * reserved first, then one of the mailbox's concurrent slots (Graph allows 4 requests in flight per
 * app and mailbox; {@link ConcurrencyLimiter}, shared by backfill, streaming and every instance),
 * the blocking SDK run on a bounded pool (never the event loop), retried with jittered exponential
 * backoff that never comes before Graph's {@code Retry-After}, and, on a 401, retried once after a
 * token refresh. The SDK's own retry handler is left out of its middleware: its retries would
 * bypass the pacing and count nowhere. Thread-safe.
 */
public final class MicrosoftClient implements ProviderClient, AutoCloseable {

  /** A blocking call through the session's Graph client. */
  @FunctionalInterface
  public interface Blocking<T> {
    T call(MicrosoftSession session);
  }

  private final MicrosoftSettings settings;
  private final MicrosoftQuota quota;
  private final QuotaLimiter limiter;
  private final ConcurrencyLimiter concurrency;
  private final ProviderTokens tokens;
  private final Clock clock;
  private final OkHttpClient http;
  private final Scheduler scheduler;

  public MicrosoftClient(
      MicrosoftSettings settings,
      MicrosoftQuota quota,
      QuotaLimiter limiter,
      ConcurrencyLimiter concurrency,
      ProviderTokens tokens,
      Clock clock) {
    this.settings = settings;
    this.quota = quota;
    this.limiter = limiter;
    this.concurrency = concurrency;
    this.tokens = tokens;
    this.clock = clock;
    this.http = http(settings);
    this.scheduler = Schedulers.newBoundedElastic(settings.threads(), 100_000, "microsoft");
  }

  /**
   * Graph's middleware (redirects, headers, telemetry, ...) without the retry handler, which the
   * factory adds with Kiota's defaults: it would retry 429s and 503s itself, unpaced and uncounted.
   */
  static OkHttpClient http(MicrosoftSettings settings) {
    OkHttpClient.Builder builder =
        GraphClientFactory.create(GraphServiceClient.getGraphClientOptions());
    builder.interceptors().removeIf(i -> i instanceof RetryHandler);
    return builder.callTimeout(settings.requestTimeout()).build();
  }

  @Override
  public String provider() {
    return MicrosoftScopes.PROVIDER;
  }

  @Override
  public Mono<MicrosoftSession> open(String userId) {
    return tokens
        .current(userId, MicrosoftScopes.PROVIDER)
        .map(c -> new MicrosoftSession(userId, c, tokens, settings, http));
  }

  /** One Outlook request, paced, retried and refreshed as described above. */
  public <T> Mono<T> call(MicrosoftSession session, String method, Blocking<T> call) {
    return attempt(session, method, call, 0, false);
  }

  private <T> Mono<T> attempt(
      MicrosoftSession s, String method, Blocking<T> call, int retry, boolean refreshed) {
    Mono<T> once =
        Mono.fromCallable(() -> call.call(s))
            .subscribeOn(scheduler)
            .onErrorMap(e -> MicrosoftFailures.of(method, e, clock));
    Mono<T> limited =
        concurrency.limited(
            MicrosoftQuota.OUTLOOK + ":" + s.userId(),
            settings.concurrentRequests(),
            settings.concurrencyLease(),
            once);
    return limiter
        .paced(s.userId(), quota.outlook(), 1, limited)
        .onErrorResume(
            ProviderFailure.class,
            f -> {
              if (f.kind() == ProviderFailure.Kind.UNAUTHORIZED && !refreshed) {
                return s.refresh(settings.requestTimeout())
                    .then(attempt(s, method, call, retry, true));
              }
              if (f.retryable() && retry < settings.retries()) {
                return Mono.delay(backoff(retry, f))
                    .then(attempt(s, method, call, retry + 1, refreshed));
              }
              return Mono.error(f);
            });
  }

  /**
   * The delay before retry {@code retry} (0-based): the base doubled each time with ±50 % jitter,
   * capped, and never earlier than Graph's {@code Retry-After}.
   */
  Duration backoff(int retry, ProviderFailure failure) {
    return backoff(settings, retry, failure);
  }

  static Duration backoff(MicrosoftSettings settings, int retry, ProviderFailure failure) {
    long base = settings.retryBackoff().toMillis() << Math.min(retry, 20);
    long capped = Math.min(base, settings.maxRetryBackoff().toMillis());
    long jittered = (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
    Duration delay = Duration.ofMillis(Math.max(1, jittered));
    return failure.retryAfter().filter(d -> d.compareTo(delay) > 0).orElse(delay);
  }

  public MicrosoftSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    scheduler.dispose();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
