package dev.officeflow.user.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code user-progress} on the emulator: a completed backfill job sets its integration's {@code
 * last_sync_at}, shown by {@code GET /v1/integrations}; reports of unfinished jobs and older
 * completions never move it; a malformed report is dead-lettered with its reason.
 */
@IntegrationTest
class LastSyncIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String SUBSCRIPTION = "user-progress";

  private static Testbed bed;
  private static EmulatorPubSub pubsub;
  private static EmulatorPubSub.Collector deadLetters;

  @BeforeAll
  static void start() {
    bed = Testbed.start();
    pubsub = new EmulatorPubSub();
    deadLetters = pubsub.collect(bed.prefix + SUBSCRIPTION + "-dead-letter");
  }

  @AfterAll
  static void stop() throws Exception {
    deadLetters.close();
    pubsub.close();
    bed.close();
  }

  @Test
  void aCompletedJobSetsLastSyncAtWhichTheIntegrationsApiShows() {
    String email = UserFixtures.email("lea");
    String user = bed.connect(email);
    Instant completedAt = later(60);

    publish(report(user, "job-lea", 1, ProgressState.RUNNING, 40, later(30)));
    publish(report(user, "job-lea", 2, ProgressState.COMPLETED, 100, completedAt));

    await().atMost(PATIENCE).until(() -> lastSyncAt(email) != null);
    assertThat(lastSyncAt(email)).isEqualTo(completedAt.toString());
  }

  @Test
  void reportsOfUnfinishedJobsLeaveItUnset() {
    String email = UserFixtures.email("max");
    String user = bed.connect(email);
    double skipped = settled("skipped");

    publish(report(user, "job-max", 1, ProgressState.RUNNING, 10, later(10)));
    publish(report(user, "job-max", 2, ProgressState.RETRYING, 10, later(20)));
    publish(report(user, "job-max", 3, ProgressState.FAILED, 10, later(30)));

    await().atMost(PATIENCE).until(() -> settled("skipped") >= skipped + 3);
    assertThat(lastSyncAt(email)).isNull();
  }

  @Test
  void anOlderCompletionArrivingLateNeverMovesItBack() {
    String email = UserFixtures.email("noa");
    String user = bed.connect(email);
    Instant newer = later(600);
    publish(report(user, "job-noa-2", 4, ProgressState.COMPLETED, 100, newer));
    await().atMost(PATIENCE).until(() -> lastSyncAt(email) != null);
    double stale = settled("stale");

    publish(report(user, "job-noa-1", 9, ProgressState.COMPLETED, 100, later(300)));
    publish(report(user, "job-noa-2", 4, ProgressState.COMPLETED, 100, newer));

    await().atMost(PATIENCE).until(() -> settled("stale") >= stale + 2);
    assertThat(lastSyncAt(email)).isEqualTo(newer.toString());
  }

  @Test
  void aMalformedReportIsDeadLetteredWithItsReason() {
    String email = UserFixtures.email("ora");
    String user = bed.connect(email);
    String json =
        new String(
                new dev.officeflow.events.codec.EventCodec()
                    .encode(report(user, "job-ora", 2, ProgressState.RUNNING, 50, later(5))))
            .replace("\"percent\":50", "\"percent\":150");
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFromUtf8(json))
            .putAttributes(EventAttributes.TYPE, EventType.PROGRESS.ceType())
            .build();

    pubsub.publisher().publish(bed.prefix + "progress", message).join();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(deadLetters.messages())
                    .anySatisfy(
                        m ->
                            assertThat(m.getAttributesMap().get(EventAttributes.ERROR_REASON))
                                .startsWith("invalid")
                                .contains("percent")));
    assertThat(lastSyncAt(email)).isNull();
  }

  @Test
  void aReportForAUserIdOfNoAllowedShapeIsDeadLetteredWithItsReason() {
    publish(
        EventFixtures.progress("x' OR '1'='1", "job-x", 1, ProgressState.COMPLETED, 100, later(5)));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(deadLetters.messages())
                    .anySatisfy(
                        m ->
                            assertThat(m.getAttributesMap().get(EventAttributes.ERROR_REASON))
                                .startsWith("invalid: user_id is not a user id")
                                .doesNotContain("OR '1'")));
  }

  private static ProgressEvent report(
      String user, String job, long sequence, ProgressState state, int percent, Instant at) {
    return EventFixtures.progress(user.toString(), job, sequence, state, percent, at);
  }

  /** A time after the integration was created (the test clock's now). */
  private static Instant later(long seconds) {
    return bed.clock.instant().plusSeconds(seconds);
  }

  private static void publish(ProgressEvent event) {
    bed.service().bean(EventPublisher.class).publish(event).join();
  }

  private static String lastSyncAt(String email) {
    JsonNode integration =
        Testbed.json(bed.service().get("/v1/integrations", bed.session(email)))
            .path("integrations")
            .get(0);
    JsonNode value = integration.path("last_sync_at");
    return value.isNull() ? null : value.asString();
  }

  /** Deliveries settled on {@code user-progress} with this outcome. */
  private static double settled(String outcome) {
    return bed
        .service()
        .bean(MeterRegistry.class)
        .find("officeflow.consumer.messages")
        .counters()
        .stream()
        .filter(c -> c.getId().getTag("subscription").endsWith(SUBSCRIPTION))
        .filter(c -> outcome.equals(c.getId().getTag("outcome")))
        .mapToDouble(Counter::count)
        .sum();
  }
}
