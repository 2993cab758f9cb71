package dev.officeflow.office.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shared per-user bucket in Redis, with Google's default Gmail limit (100 units/s, 1,000). The
 * project's limit is far above it here, so only the user's bucket paces ({@link ProjectQuotaIT} has
 * the project's).
 */
@IntegrationTest
@RunsAlone
class QuotaLimiterIT {

  private static final QuotaBudget GMAIL = new QuotaBudget("gmail", 6000, 1_200_000);
  private static final QuotaBudget CALENDAR = new QuotaBudget("calendar", 600, 1_200_000);

  private static RedisClient redis;
  private QuotaLimiter first;
  private QuotaLimiter second;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(Infrastructure.redisUri());
  }

  @AfterAll
  static void disconnect() {
    redis.shutdown();
  }

  @BeforeEach
  void limiters() {
    // Full rate and burst, so the expected waits are Google's own numbers.
    QuotaSettings settings = settings(Duration.ofSeconds(10));
    first = limiter(settings);
    second = limiter(settings);
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  private static QuotaSettings settings(Duration burst) {
    return QuotaSettings.of(
        burst, 1.0, 1.0, "test:" + UUID.randomUUID() + ":", Duration.ofMinutes(2));
  }

  private static QuotaLimiter limiter(QuotaSettings settings) {
    return new QuotaLimiter(redis, settings, new QuotaRefusals(new SimpleMeterRegistry()));
  }

  /** How long a call of {@code cost} answered at once waited for its reservation. */
  private static Duration spend(QuotaLimiter limiter, String user, int cost) {
    return call(limiter, user, cost, Mono.empty()).block(Duration.ofSeconds(30));
  }

  private static Mono<Duration> call(QuotaLimiter limiter, String user, int cost, Mono<?> work) {
    return Mono.defer(
        () -> {
          long started = System.nanoTime();
          return limiter
              .paced(user, GMAIL, cost, work.then(Mono.fromSupplier(() -> System.nanoTime())))
              .map(answered -> Duration.ofNanos(answered - started));
        });
  }

  @Test
  void aFullBucketGrantsItsCapacityAtOnce() {
    assertThat(spend(first, "u1", 500)).isLessThan(Duration.ofMillis(500));
    assertThat(spend(first, "u1", 500)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void beyondTheCapacityCallersWaitForTheRefill() {
    spend(first, "u2", 1000);

    Duration waited = spend(first, "u2", 100);

    // 100 units at 100 units/s: about a second, less what refilled since the first call.
    assertThat(waited).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
  }

  @Test
  void instancesShareOneBucketPerUser() {
    spend(first, "u3", 1000);

    assertThat(spend(second, "u3", 50)).isGreaterThan(Duration.ofMillis(300));
  }

  @Test
  void usersHaveBucketsOfTheirOwn() {
    spend(first, "u4", 1000);

    assertThat(spend(second, "u5", 1000)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void concurrentReservationsAreSpacedByTheRate() {
    spend(first, "u6", 1000);

    List<Duration> waits =
        Flux.range(0, 10)
            .flatMap(
                i ->
                    (i % 2 == 0 ? first : second)
                        .acquire(QuotaLimiter.Reservation.of("u6", GMAIL, 10)))
            .collectSortedList()
            .block(Duration.ofSeconds(30));

    // Ten reservations of 10 units at 100 units/s: one due every 0.1 s, none at the same time.
    assertThat(waits.get(9)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1050));
    for (int i = 1; i < waits.size(); i++) {
      assertThat(waits.get(i).minus(waits.get(i - 1))).isGreaterThan(Duration.ofMillis(50));
    }
  }

  @Test
  void aCallInFlightKeepsItsCostOutOfTheRefill() {
    // A 1 s burst: 100 units. A call of 60 stays unanswered for 1.5 s, in which the bucket would
    // otherwise have refilled to 100 while Google's, full, could not refill at all.
    try (QuotaLimiter small = limiter(settings(Duration.ofSeconds(1)))) {
      call(small, "u7", 60, Mono.delay(Duration.ofMillis(1500))).block(Duration.ofSeconds(30));

      Duration waited = call(small, "u7", 100, Mono.empty()).block(Duration.ofSeconds(30));

      // Google now holds 40 (+ a little refill): 100 more takes about 0.6 s, not nothing.
      assertThat(waited).isGreaterThan(Duration.ofMillis(300));
    }
  }

  @Test
  void theLargestCallIsWhatTheBucketHolds() {
    QuotaSettings spent =
        QuotaSettings.of(Duration.ofSeconds(10), 0.97, 0.9, "x:", Duration.ofMinutes(2));

    try (QuotaLimiter limiter = limiter(spent)) {
      assertThat(limiter.maxCost(GMAIL)).isEqualTo(900);
      assertThat(limiter.maxCost(CALENDAR)).isEqualTo(90);
    }
  }
}
