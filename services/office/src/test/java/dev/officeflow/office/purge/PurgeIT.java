package dev.officeflow.office.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.admin.StreamingState;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.office.tokens.ProviderTokens;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The office's purge of a deleted user (ARCHITECTURE §2, flow 6) against google-sim, the emulator,
 * PostgreSQL and Redis: watch and channels stopped at Google, jobs and {@code office:{user}:*} keys
 * deleted, the grant released (here the office holds google-sim's grants itself, so releasing
 * revokes at google-sim, as the user service does on the confirmation); a purge whose stop call
 * fails is retried until it completes. Each test purges an account of its own.
 */
@IntegrationTest
class PurgeIT {

  private static final String PURGED = "purge.all@acme.test";
  private static final String FAILING = "purge.retried@acme.test";
  private static final String BYSTANDER = "purge.bystander@acme.test";
  private static final Duration WITHIN = Duration.ofSeconds(30);
  private static final StreamingState NOTHING_LIVE = new StreamingState(false, 0);

  private static GoogleSim sim;
  private static OfficeInstance office;
  private static StatefulRedisConnection<String, String> redis;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sim =
        TestSims.start(
            TestSims.fastQuota(),
            TestSims.account(PURGED, 301, 5, 1, 6),
            TestSims.account(FAILING, 302, 5, 1, 6),
            TestSims.account(BYSTANDER, 303, 5, 1, 6));
    String prefix = IsolatedCatalog.apply();
    int port = freePort();
    Map<String, Object> p =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    p.put("server.port", port);
    p.put("officeflow.office.streaming.calendar.webhook-base-url", "http://127.0.0.1:" + port);
    // No scheduled work: the only Google calls after streaming starts are the purge's.
    p.put("officeflow.office.streaming.calendar.tick-interval", "1h");
    p.put("officeflow.office.streaming.gmail.tick-interval", "1h");
    office = OfficeInstance.start(p);
    redis = office.bean(RedisClient.class).connect();
  }

  @AfterAll
  static void stop() {
    redis.close();
    office.close();
    sim.close();
  }

  @Test
  void purgeStopsWatchAndChannelsDeletesJobsAndKeysAndReleasesTheGrant() {
    streaming(PURGED);
    streaming(BYSTANDER);
    redis.sync().set("office:" + PURGED + ":email:m1:0123456789abcdef", "body");
    redis.sync().set("office:" + PURGED + ":calendar:e1:0123456789abcdef", "description");
    redis.sync().set("office:" + BYSTANDER + ":email:m2:0123456789abcdef", "body");
    String heldToken = heldAccessToken(PURGED);

    deleted(PURGED);

    await("the purge").atMost(WITHIN).until(() -> forgotten(PURGED) && !googleAccepts(heldToken));
    assertThat(sim.admin().streaming(PURGED)).isEqualTo(NOTHING_LIVE);
    assertThat(rows("backfill_jobs", PURGED)).isZero();
    assertThat(rows("gmail_watches", PURGED)).isZero();
    assertThat(rows("calendar_sync", PURGED)).isZero();
    assertThat(rows("calendar_channels", PURGED)).isZero();
    assertThat(redis.sync().keys("office:" + PURGED + ":*")).isEmpty();
    assertThat(redis.sync().exists("office:" + BYSTANDER + ":email:m2:0123456789abcdef"))
        .isEqualTo(1L);
    assertThat(sim.admin().streaming(BYSTANDER).gmailWatch()).isTrue();
    assertThat(sim.admin().streaming(BYSTANDER).calendarChannels()).isPositive();
    assertThat(rows("backfill_jobs", BYSTANDER)).isPositive();
  }

  @Test
  void purgeWhoseFirstStopFailsIsRetriedAndCompletes() {
    streaming(FAILING);
    String heldToken = heldAccessToken(FAILING);
    double retries = retries();
    long faults = sim.stats().faultsInjected();
    // Every attempt of the purge's first stop call (the request and the client's 3 retries) fails.
    sim.admin().failNext(4, 503);

    deleted(FAILING);

    await("the purge, after a retry")
        .atMost(WITHIN)
        .until(
            () -> sim.admin().streaming(FAILING).equals(NOTHING_LIVE) && !googleAccepts(heldToken));
    assertThat(retries()).isGreaterThan(retries);
    assertThat(sim.stats().faultsInjected() - faults).isEqualTo(4);
    assertThat(rows("calendar_channels", FAILING)).isZero();
    assertThat(forgotten(FAILING)).isTrue();
  }

  /**
   * Backfills {@code user} and waits until a Gmail watch and a channel are live at google-sim and
   * the first reads after them are over (no request reaches google-sim for half a second), so the
   * next Google call is the purge's.
   */
  private static void streaming(String user) {
    String job = Jobs.start(office, user).path("job_id").asString();
    Jobs.await(office, job, "completed", WITHIN);
    await("streaming of " + user)
        .atMost(WITHIN)
        .until(
            () -> {
              StreamingState state = sim.admin().streaming(user);
              return state.gmailWatch() && state.calendarChannels() > 0;
            });
    AtomicLong seen = new AtomicLong(-1);
    await("google-sim to go quiet")
        .pollInterval(Duration.ofMillis(500))
        .atMost(WITHIN)
        .until(
            () -> {
              long now = sim.stats().requests().values().stream().mapToLong(Long::longValue).sum();
              return seen.getAndSet(now) == now;
            });
  }

  private static String heldAccessToken(String user) {
    return office
        .bean(ProviderTokens.class)
        .current(user, "google")
        .block(Duration.ofSeconds(10))
        .accessToken();
  }

  /**
   * {@code UserEvent(delete)} on the office's {@code users} topic, as the user service sends it.
   */
  private static void deleted(String user) {
    Instant now = Instant.now();
    UserEvent event =
        new UserEvent(
            EventMetadata.create("user", "test", user, Clock.systemUTC()),
            user,
            Operation.DELETE,
            null,
            now,
            now,
            null,
            null);
    try {
      office.bean(EventPublisher.class).publish(event).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("publishing " + event + " failed", e);
    }
  }

  private static boolean googleAccepts(String accessToken) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "oauth2/v3/userinfo"))
            .header("Authorization", "Bearer " + accessToken)
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean forgotten(String user) {
    return rows("forgotten_users", user) == 1;
  }

  private static long rows(String table, String user) {
    return office
        .bean(DatabaseClient.class)
        .sql("SELECT count(*) AS n FROM " + table + " WHERE user_id = :u")
        .bind("u", user)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  /** Deliveries of {@code office-users} settled as retry so far. */
  private static double retries() {
    return office
        .bean(MeterRegistry.class)
        .find("officeflow.consumer.messages")
        .tag("outcome", "retry")
        .counters()
        .stream()
        .filter(c -> String.valueOf(c.getId().getTag("subscription")).endsWith("office-users"))
        .mapToDouble(Counter::count)
        .sum();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
