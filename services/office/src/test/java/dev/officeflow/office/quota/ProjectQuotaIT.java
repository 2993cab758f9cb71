package dev.officeflow.office.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The project's bucket in Redis, shared by every user of every limiter (office instance), beside
 * each user's own. Full rate and burst (utilisations 1.0), so the bounds are the bucket math.
 */
@IntegrationTest
@RunsAlone
class ProjectQuotaIT {

  private static RedisClient redis;
  private static StatefulRedisConnection<String, String> raw;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(Infrastructure.redisUri());
    raw = redis.connect();
  }

  @AfterAll
  static void disconnect() {
    raw.close();
    redis.shutdown();
  }

  private static QuotaSettings settings(Duration burst, Duration heldAtMost) {
    return QuotaSettings.of(burst, 1.0, 1.0, "test:" + UUID.randomUUID() + ":", heldAtMost);
  }

  private static QuotaLimiter limiter(QuotaSettings settings, SimpleMeterRegistry registry) {
    return new QuotaLimiter(redis, settings, new QuotaRefusals(registry));
  }

  private static QuotaLimiter limiter(QuotaSettings settings) {
    return limiter(settings, new SimpleMeterRegistry());
  }

  /** One granted call: when it was made (nanoTime), by whom, for how much. */
  private record Grant(long at, String user, int cost) {}

  @Test
  void severalUsersOnTwoInstancesTogetherSpendAtMostTheProjectRate() {
    // Project: 2,400 units a minute = 40/s, 400 in the 10 s burst. Users: 6,000 (100/s) each, so
    // only the project's bucket binds. Three users on each of two limiters, each a loop of calls
    // one at a time, as a backfill job makes them.
    QuotaBudget api = new QuotaBudget("gmail", 6000, 2400);
    QuotaSettings settings = settings(Duration.ofSeconds(10), Duration.ofMinutes(2));
    Duration window = Duration.ofSeconds(5);
    int cost = 10;
    ConcurrentLinkedQueue<Grant> grants = new ConcurrentLinkedQueue<>();
    try (QuotaLimiter first = limiter(settings);
        QuotaLimiter second = limiter(settings)) {
      long start = System.nanoTime();
      List<Flux<Object>> jobs = new ArrayList<>();
      for (int u = 0; u < 6; u++) {
        QuotaLimiter limiter = u % 2 == 0 ? first : second;
        String user = "user-" + u;
        Mono<Object> call =
            Mono.fromSupplier(() -> grants.add(new Grant(System.nanoTime(), user, cost)));
        jobs.add(
            Flux.defer(() -> limiter.paced(user, api, cost, call))
                .repeat()
                .takeUntilOther(Mono.delay(window)));
      }
      Flux.merge(jobs).blockLast(window.plusSeconds(20));
      double seconds = (System.nanoTime() - start) / 1e9;

      List<Grant> sorted = grants.stream().sorted(Comparator.comparingLong(Grant::at)).toList();
      double rate = 40;
      double capacity = 400;
      // No interval may see more than the bucket holds plus what refilled in it (one call of
      // slack for the timer's resolution).
      for (int i = 0; i < sorted.size(); i++) {
        long spent = 0;
        for (int j = i; j < sorted.size(); j++) {
          spent += sorted.get(j).cost();
          double elapsed = (sorted.get(j).at() - sorted.get(i).at()) / 1e9;
          assertThat((double) spent).isLessThanOrEqualTo(capacity + rate * elapsed + cost);
        }
      }
      long total = sorted.stream().mapToLong(Grant::cost).sum();
      double possible = capacity + rate * seconds;
      Map<String, Long> perUser =
          sorted.stream().collect(Collectors.groupingBy(Grant::user, Collectors.counting()));
      System.out.printf(
          "project bucket: %d of %.0f possible units in %.2f s (%.2f), per user %s, Jain %.3f%n",
          total, possible, seconds, total / possible, perUser, jain(perUser.values()));
      // Paced as fast as the bucket allows, and shared evenly.
      assertThat(total).isGreaterThanOrEqualTo((long) (0.85 * possible));
      assertThat(perUser).hasSize(6);
      // Even enough to show no user is starved; the 0.9 target is bench/scale's, over minutes and
      // 200 users: over this test's seconds one timer tick more or less moves the index (a
      // clean-clone run saw 0.867).
      assertThat(jain(perUser.values())).isGreaterThanOrEqualTo(0.8);
    }
  }

  private static double jain(java.util.Collection<Long> shares) {
    double sum = shares.stream().mapToDouble(Long::doubleValue).sum();
    double squares = shares.stream().mapToDouble(s -> (double) s * s).sum();
    return sum * sum / (shares.size() * squares);
  }

  @Test
  void aNewUsersFirstCallIsNotQueuedBehindAnotherUsersQueueInItsOwnBucket() {
    // Users: 600 a minute (10/s, 100 in the burst). Project: 3,000 (50/s, 500 in the burst).
    QuotaBudget api = new QuotaBudget("calendar", 600, 3000);
    QuotaSettings settings = settings(Duration.ofSeconds(10), Duration.ofMinutes(2));
    try (QuotaLimiter limiter = limiter(settings)) {
      // The earlier user queues ten calls of 100: one runs now, nine wait 10 to 90 s for the
      // user's own bucket.
      Disposable earlier =
          Flux.range(0, 10)
              .flatMap(i -> limiter.paced("earlier", api, 100, Mono.never()))
              .subscribe();
      try {
        String userKey = settings.keyPrefix() + "calendar:earlier";
        await().atMost(Duration.ofSeconds(10)).until(() -> tokens(userKey) <= -800);

        Duration waited =
            limiter
                .acquire(QuotaLimiter.Reservation.of("newcomer", api, 100))
                .block(Duration.ofSeconds(30));

        // Had the nine waiting calls joined the project's queue, it would owe 500 (1,000 of the
        // earlier user's + 100 against 500 held and the rest refilled at 50/s): a 12 s wait.
        assertThat(waited).isLessThan(Duration.ofMillis(300));
      } finally {
        earlier.dispose();
      }
    }
  }

  private static double tokens(String key) {
    String value = raw.sync().hget(key, "tokens");
    return value == null ? Double.MAX_VALUE : Double.parseDouble(value);
  }

  @Test
  void instancesShareOneProjectBucketAcrossUsers() {
    QuotaBudget api = new QuotaBudget("calendar", 6000, 3000);
    QuotaSettings settings = settings(Duration.ofSeconds(10), Duration.ofMinutes(2));
    try (QuotaLimiter first = limiter(settings);
        QuotaLimiter second = limiter(settings)) {
      first.paced("x", api, 500, Mono.empty()).block(Duration.ofSeconds(10));

      Duration waited =
          second.acquire(QuotaLimiter.Reservation.of("y", api, 100)).block(Duration.ofSeconds(30));

      // The project's 500 are spent: 100 more at 50/s take up to 2 s (less what refilled while
      // the first call was answered, which a loaded machine can stretch), whoever asks; a bucket
      // of y's own would grant them at once.
      assertThat(waited).isBetween(Duration.ofMillis(500), Duration.ofMillis(2100));
    }
  }

  @Test
  void theLargestCallIsWhatTheSmallerBucketHolds() {
    QuotaSettings settings = settings(Duration.ofSeconds(10), Duration.ofMinutes(2));
    try (QuotaLimiter limiter = limiter(settings)) {
      assertThat(limiter.maxCost(new QuotaBudget("gmail", 6000, 3000))).isEqualTo(500);
      assertThat(limiter.maxCost(new QuotaBudget("gmail", 6000, 1_200_000))).isEqualTo(1000);
    }
  }

  @Test
  void aReservationNobodyReleasedStopsCountingOnceItsHoldRunsOut() {
    // Project: 100/s, 100 in a 1 s burst; a reservation is held at most 1 s past its due time.
    QuotaBudget api = new QuotaBudget("gmail", 60_000, 6000);
    QuotaSettings settings = settings(Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (QuotaLimiter limiter = limiter(settings)) {
      // A caller that reserves 60 and dies: never released.
      limiter.acquire(QuotaLimiter.Reservation.of("dead", api, 60)).block(Duration.ofSeconds(5));
      // A call of 1 that takes 1.5 s to answer: by then the dead reservation's hold ran out.
      limiter
          .paced("alive", api, 1, Mono.delay(Duration.ofMillis(1500)))
          .block(Duration.ofSeconds(10));

      Duration waited =
          limiter
              .acquire(QuotaLimiter.Reservation.of("other", api, 99))
              .block(Duration.ofSeconds(10));

      // Still held, the 60 would cap the project's bucket at 40: 99 would wait about 0.6 s.
      assertThat(waited).isLessThan(Duration.ofMillis(200));
    }
  }

  @Test
  void refusalsAreCountedByApiAndBudget() {
    QuotaBudget api = new QuotaBudget("gmail", 6000, 1_200_000);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (QuotaLimiter limiter =
        limiter(settings(Duration.ofSeconds(10), Duration.ofMinutes(2)), registry)) {
      for (ProviderFailure failure :
          List.of(
              failure(ProviderFailure.Kind.RATE_LIMITED, ProviderFailure.Budget.PROJECT),
              failure(ProviderFailure.Kind.RATE_LIMITED, ProviderFailure.Budget.PROJECT),
              failure(ProviderFailure.Kind.RATE_LIMITED, ProviderFailure.Budget.USER),
              failure(ProviderFailure.Kind.SERVER, null))) {
        limiter
            .paced("u", api, 5, Mono.error(failure))
            .onErrorResume(e -> Mono.empty())
            .block(Duration.ofSeconds(10));
      }

      assertThat(count(registry, "gmail", "project")).isEqualTo(2);
      assertThat(count(registry, "gmail", "user")).isEqualTo(1);
      assertThat(registry.find(QuotaRefusals.METER).counters()).hasSize(2);
    }
  }

  private static ProviderFailure failure(ProviderFailure.Kind kind, ProviderFailure.Budget budget) {
    return new ProviderFailure("test", kind, 429, "refused", null, budget, null);
  }

  private static double count(SimpleMeterRegistry registry, String api, String budget) {
    return registry
        .get(QuotaRefusals.METER)
        .tag("api", api)
        .tag("budget", budget)
        .counter()
        .count();
  }
}
