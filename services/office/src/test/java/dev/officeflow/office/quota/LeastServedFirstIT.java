package dev.officeflow.office.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The least-served rule of the project's bucket ({@link BucketScript}): while the project budget is
 * contended, a user far ahead of the others waits until they catch up. Each user is a loop of calls
 * one at a time, as a backfill job makes them.
 */
@IntegrationTest
@RunsAlone
class LeastServedFirstIT {

  // Project: 6,000 units a minute (100/s, 1,000 in its 10 s burst); users: 6,000 too, so only the
  // project binds once several users share it. Calls of 50.
  private static final QuotaBudget API = new QuotaBudget("gmail", 6000, 6000);
  private static final int COST = 50;

  private static RedisClient redis;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(Infrastructure.redisUri());
  }

  @AfterAll
  static void disconnect() {
    redis.shutdown();
  }

  /** Contended from 0.5 s of queued work; a lead of 1 s of the user's rate (100 units). */
  private static QuotaSettings settings(Duration lead) {
    return new QuotaSettings(
        Duration.ofSeconds(10),
        1.0,
        1.0,
        "test:" + UUID.randomUUID() + ":",
        Duration.ofMinutes(2),
        Duration.ofMillis(500),
        lead,
        Duration.ofSeconds(10));
  }

  /** Grants per user while {@code later} join {@code early} after it has had the burst. */
  private static Map<String, AtomicInteger> lateComersJoin(QuotaSettings settings) {
    Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
    try (QuotaLimiter first = limiter(settings);
        QuotaLimiter second = limiter(settings)) {
      // The early user alone: the project's 1,000 burst and its refill, for 3 s.
      loop(first, "early", grants, Duration.ofSeconds(3)).blockLast(Duration.ofSeconds(20));
      grants.clear();
      // Then three users connect, on both instances, and the early one goes on: 5 s together.
      List<Flux<Object>> together = new ArrayList<>();
      together.add(loop(first, "early", grants, Duration.ofSeconds(5)));
      for (int u = 0; u < 3; u++) {
        together.add(
            loop(u % 2 == 0 ? second : first, "later-" + u, grants, Duration.ofSeconds(5)));
      }
      Flux.merge(together).blockLast(Duration.ofSeconds(30));
    }
    return grants;
  }

  private static Flux<Object> loop(
      QuotaLimiter limiter, String user, Map<String, AtomicInteger> grants, Duration lasting) {
    return loop(limiter, API, user, grants, Mono.empty(), lasting);
  }

  /**
   * {@code user}'s calls one at a time, each answered after {@code answer}, for {@code lasting}.
   */
  private static Flux<Object> loop(
      QuotaLimiter limiter,
      QuotaBudget api,
      String user,
      Map<String, AtomicInteger> grants,
      Mono<Void> answer,
      Duration lasting) {
    Mono<Object> call =
        answer.then(
            Mono.fromSupplier(
                () -> grants.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet()));
    return Flux.defer(() -> limiter.paced(user, api, COST, call))
        .repeat()
        .takeUntilOther(Mono.delay(lasting));
  }

  private static QuotaLimiter limiter(QuotaSettings settings) {
    return new QuotaLimiter(redis, settings, new QuotaRefusals(new SimpleMeterRegistry()));
  }

  private static int granted(Map<String, AtomicInteger> grants, String user) {
    AtomicInteger n = grants.get(user);
    return n == null ? 0 : n.get();
  }

  @Test
  void usersWhoConnectLaterAreServedFirstUntilTheyCatchUp() {
    Map<String, AtomicInteger> grants = lateComersJoin(settings(Duration.ofSeconds(1)));

    int early = granted(grants, "early");
    int later =
        granted(grants, "later-0") + granted(grants, "later-1") + granted(grants, "later-2");
    System.out.printf(
        "least served first: early %d calls, later users %d (%s)%n", early, later, grants);
    // In 5 s the project refills 500 units, 10 calls (plus what was left of the burst). The early
    // user had about 1,300 units before: far more than a lead ahead, so at most the call it had
    // queued when the others came; round-robin would have given it a quarter.
    assertThat(early).isLessThanOrEqualTo(1);
    // Nothing was left unspent for it: the later users had the whole rate.
    assertThat(later).isGreaterThanOrEqualTo(9);
    for (int u = 0; u < 3; u++) {
      assertThat(granted(grants, "later-" + u)).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void callsInFlightCountAsContentionBeforeTheBudgetBinds() {
    // A project budget that never runs dry here (100,000 units a minute: a 16,666-unit burst) but
    // calls that take 300 ms to answer, as on a loaded machine: what binds is how many calls the
    // callers can have answered, not the quota. The early user runs alone for 2 s, then three more
    // users join for 4 s.
    QuotaBudget roomy = new QuotaBudget("gmail", 100_000, 100_000);
    QuotaSettings settings =
        new QuotaSettings(
            Duration.ofSeconds(10),
            1.0,
            1.0,
            "test:" + UUID.randomUUID() + ":",
            Duration.ofMinutes(2),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofSeconds(10));
    Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
    Mono<Void> answered = Mono.delay(Duration.ofMillis(300)).then();
    try (QuotaLimiter limiter = limiter(settings)) {
      loop(limiter, roomy, "early", grants, answered, Duration.ofSeconds(2))
          .blockLast(Duration.ofSeconds(20));
      int alone = granted(grants, "early");
      grants.clear();
      List<Flux<Object>> together = new ArrayList<>();
      for (String user : List.of("early", "later-0", "later-1", "later-2")) {
        together.add(loop(limiter, roomy, user, grants, answered, Duration.ofSeconds(4)));
      }
      Flux.merge(together).blockLast(Duration.ofSeconds(30));
      System.out.printf("in flight: early alone %d calls, then %s%n", alone, grants);

      // The later users were served first until they were within the lead (two calls) of the
      // early user, then all went on together: they end about level with it, although it had
      // its calls alone first. Round-robin would have left them "alone" calls behind.
      int early = granted(grants, "early");
      assertThat(alone).isGreaterThanOrEqualTo(5);
      for (int u = 0; u < 3; u++) {
        int later = granted(grants, "later-" + u);
        assertThat(later).isGreaterThanOrEqualTo(alone + early - 4);
        assertThat(early).isLessThanOrEqualTo(later - 2);
      }
    }
  }

  @Test
  void withoutTheRuleTheEarlyUserKeepsItsRoundRobinShare() {
    // A lead no user reaches turns the rule off: the same run is plain round-robin.
    Map<String, AtomicInteger> grants = lateComersJoin(settings(Duration.ofDays(1)));

    assertThat(granted(grants, "early")).isGreaterThanOrEqualTo(2);
  }
}
