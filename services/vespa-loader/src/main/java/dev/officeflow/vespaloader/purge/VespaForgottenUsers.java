package dev.officeflow.vespaloader.purge;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.vespaloader.feed.FeedSettings;
import dev.officeflow.vespaloader.feed.VespaException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * vespa-loader's record of forgotten users, in Vespa itself (ARCHITECTURE §5 "Where vespa-loader
 * remembers"): one {@code forgotten_user} document per user, {@code
 * id:<namespace>:forgotten_user::<user_id>}, written by {@link #forget} and read by id.
 *
 * <p>A forgotten user is remembered in memory for good (forgetting is final); a user found not
 * forgotten only for {@code notForgottenFor}, so that a purge another instance recorded is seen
 * within that time. Concurrent checks of one user share one read. A failed read signals a {@link
 * VespaException} and is not remembered. Thread-safe.
 */
final class VespaForgottenUsers implements ForgottenUsers {

  static final String DOCTYPE = "forgotten_user";
  private static final int MAX_USERS = 100_000;
  private static final int READ_RETRIES = 3;
  private static final Duration READ_BACKOFF = Duration.ofMillis(100);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final FeedSettings settings;
  private final Clock clock;
  private final AsyncLoadingCache<String, Boolean> answers;

  VespaForgottenUsers(
      HttpClient http, FeedSettings settings, Clock clock, Duration notForgottenFor) {
    this.http = http;
    this.settings = settings;
    this.clock = clock;
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(MAX_USERS)
            .expireAfter(forgottenForGood(notForgottenFor))
            .buildAsync((userId, executor) -> read(userId));
  }

  @Override
  public Mono<Void> forget(String userId) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "fields",
                Map.of("user_id", userId, "forgotten_at", clock.instant().toEpochMilli())));
    HttpRequest request =
        HttpRequest.newBuilder(uri(userId))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .timeout(settings.operationTimeout())
            .build();
    return Mono.fromFuture(() -> send(request, 200))
        .doOnSuccess(done -> answers.put(userId, CompletableFuture.completedFuture(Boolean.TRUE)))
        .then();
  }

  @Override
  public Mono<Boolean> isForgotten(String userId) {
    // The cache drops a failed read only once its own callback runs, after the caller's: drop it
    // here first, so the caller's retry reads again rather than meets the same failure.
    return Mono.fromFuture(() -> answers.get(userId), true)
        .doOnError(error -> answers.synchronous().invalidate(userId));
  }

  /**
   * One read, shared by every check of the user meanwhile, so it is retried a few times on what may
   * pass (429, 5xx, no connection) as the feed client retries its own operations: one failure would
   * otherwise fail every event of the user in flight at once.
   */
  private CompletableFuture<Boolean> read(String userId) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(userId)).GET().timeout(settings.operationTimeout()).build();
    return Mono.fromFuture(() -> send(request, 404))
        .retryWhen(
            Retry.backoff(READ_RETRIES, READ_BACKOFF)
                .filter(error -> error instanceof VespaException e && !e.permanent())
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .map(status -> status == 200)
        .toFuture();
  }

  /** Sends; 200 and {@code alsoFine} complete with the status, anything else fails. */
  private CompletableFuture<Integer> send(HttpRequest request, int alsoFine) {
    String target = request.method() + " " + request.uri().getRawPath();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error != null) {
                throw new VespaException(target, error);
              }
              int status = response.statusCode();
              if (status != 200 && status != alsoFine) {
                throw new VespaException(target, status, response.body());
              }
              return status;
            });
  }

  URI uri(String userId) {
    return settings
        .endpoint()
        .resolve(
            "document/v1/"
                + encode(settings.namespace())
                + "/"
                + DOCTYPE
                + "/docid/"
                + encode(userId)
                + "?cluster="
                + encode(settings.cluster()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A forgotten user stays cached until evicted for room; a present one for {@code ttl}. */
  private static Expiry<String, Boolean> forgottenForGood(Duration ttl) {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(String user, Boolean forgotten, long now) {
        return forgotten ? Long.MAX_VALUE : ttl.toNanos();
      }

      @Override
      public long expireAfterUpdate(String user, Boolean forgotten, long now, long current) {
        return expireAfterCreate(user, forgotten, now);
      }

      @Override
      public long expireAfterRead(String user, Boolean forgotten, long now, long current) {
        return current;
      }
    };
  }
}
