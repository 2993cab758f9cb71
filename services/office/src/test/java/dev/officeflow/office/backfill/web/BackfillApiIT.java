package dev.officeflow.office.backfill.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.office.testing.IntegrationEvents;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeClient.Answer;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The internal backfill API and the integration trigger, on an instance that runs no jobs (so a job
 * stays where the test put it).
 */
@IntegrationTest
class BackfillApiIT {

  private static GoogleSim sim;
  private static OfficeInstance office;

  @BeforeAll
  static void start() {
    sim = TestSims.start(TestSims.fastQuota());
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    properties.put("officeflow.office.backfill.scheduler-enabled", false);
    office = OfficeInstance.start(properties);
  }

  @AfterAll
  static void stop() {
    office.close();
    sim.close();
  }

  private static String user() {
    return "u-" + UUID.randomUUID();
  }

  @Test
  void startQueuesAJobWithTheDefaultWindowAndCaps() {
    Answer answer = office.post("/internal/backfill/start", Map.of("user_id", user()));

    assertThat(answer.status()).isEqualTo(201);
    JsonNode job = answer.body();
    assertThat(job.path("status").asString()).isEqualTo("queued");
    assertThat(job.path("provider").asString()).isEqualTo("google");
    assertThat(job.path("caps").path("emails").asInt()).isEqualTo(2000);
    assertThat(job.path("caps").path("events").asInt()).isEqualTo(2000);
    assertThat(Duration.between(Jobs.instant(job, "email_after"), Jobs.instant(job, "calendar_to")))
        .isEqualTo(Duration.ofDays(32));
    assertThat(job.path("progress").path("percent").asInt()).isZero();
  }

  @Test
  void startTakesTheWindowAndCapsAsked() {
    Map<String, Object> body =
        Map.of(
            "user_id", user(),
            "window", Map.of("email_days", 7, "calendar_days_back", 1, "calendar_days_ahead", 0),
            "caps", Map.of("emails", 10, "events", 0));

    JsonNode job = office.post("/internal/backfill/start", body).body();

    assertThat(Duration.between(Jobs.instant(job, "email_after"), Jobs.instant(job, "calendar_to")))
        .isEqualTo(Duration.ofDays(7));
    assertThat(job.path("caps").path("emails").asInt()).isEqualTo(10);
    assertThat(job.path("caps").path("events").asInt()).isZero();
  }

  @Test
  void secondStartWhileAJobIsActiveAnswers409WithThatJob() {
    String user = user();
    String first = Jobs.start(office, user).path("job_id").asString();

    Answer second = office.post("/internal/backfill/start", Map.of("user_id", user));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().path("code").asString()).isEqualTo("conflict");
    assertThat(second.body().path("job_id").asString()).isEqualTo(first);
  }

  @Test
  void startWithoutAUserAnswers400() {
    Answer answer = office.post("/internal/backfill/start", Map.of("provider", "google"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("detail").asString()).contains("user_id");
  }

  @Test
  void startWithACapAboveTheMaximumAnswers400() {
    Map<String, Object> body = Map.of("user_id", user(), "caps", Map.of("emails", 5000));

    Answer answer = office.post("/internal/backfill/start", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("detail").asString()).contains("caps.emails");
  }

  @Test
  void startForAProviderWithoutAnAdapterAnswers400() {
    // Microsoft has an adapter now (issue 23): a provider nobody implements is refused.
    Answer answer =
        office.post("/internal/backfill/start", Map.of("user_id", user(), "provider", "yahoo"));

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void unreadableJsonAnswers400() {
    Answer answer = office.post("/internal/backfill/start", "{\"user_id\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asString()).isEqualTo("invalid_request");
  }

  @Test
  void unknownJobAnswers404() {
    Answer answer = office.get("/internal/backfill/" + UUID.randomUUID());

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("code").asString()).isEqualTo("not_found");
  }

  @Test
  void jobIdThatIsNoUuidAnswers400() {
    assertThat(office.get("/internal/backfill/not-a-uuid").status()).isEqualTo(400);
  }

  @Test
  void getShowsTheJob() {
    JsonNode started = Jobs.start(office, user());

    JsonNode job = office.get("/internal/backfill/" + started.path("job_id").asString()).body();

    assertThat(job.path("job_id")).isEqualTo(started.path("job_id"));
    assertThat(job.path("checkpoint").path("phase").asString()).isEqualTo("calendar");
  }

  @Test
  void listShowsTheUsersJobsNewestFirst() {
    String user = user();
    String first = Jobs.start(office, user).path("job_id").asString();
    office.delete("/internal/backfill/" + first);
    String second = Jobs.start(office, user).path("job_id").asString();

    JsonNode list = office.get("/internal/backfill?user_id=" + user).body();

    assertThat(list.path("jobs").valueStream().map(j -> j.path("job_id").asString()).toList())
        .containsExactly(second, first);
  }

  @Test
  void listWithoutAUserAnswers400() {
    assertThat(office.get("/internal/backfill").status()).isEqualTo(400);
  }

  @Test
  void cancelEndsAnActiveJob() {
    String id = Jobs.start(office, user()).path("job_id").asString();

    Answer answer = office.delete("/internal/backfill/" + id);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("status").asString()).isEqualTo("cancelled");
  }

  @Test
  void cancelOfAFinishedJobAnswers409() {
    String id = Jobs.start(office, user()).path("job_id").asString();
    office.delete("/internal/backfill/" + id);

    Answer again = office.delete("/internal/backfill/" + id);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asString()).contains("cancelled");
  }

  @Test
  void cancelOfAnUnknownJobAnswers404() {
    assertThat(office.delete("/internal/backfill/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void theApiRequiresTheServiceCredential() {
    assertThat(office.getAnonymously("/internal/backfill?user_id=x").status()).isEqualTo(401);
  }

  @Test
  void aNewGoogleIntegrationStartsABackfill() {
    String user = user();

    publish(EventFixtures.integrationEvent(user));

    await().atMost(Duration.ofSeconds(60)).until(() -> jobs(user).size() == 1);
    assertThat(jobs(user).get(0).path("status").asString()).isEqualTo("queued");
  }

  @Test
  void aRevokedIntegrationFailsTheActiveBackfillWithTheReason() {
    String user = user();
    Jobs.start(office, user);

    publish(IntegrationEvents.revoked(EventFixtures.integrationEvent(user)));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs(user).get(0).path("status").asString().equals("failed"));
    assertThat(jobs(user).get(0).path("error").asString())
        .isEqualTo("integration revoked: revoked by the user");
  }

  @Test
  void aDeletedIntegrationCancelsTheActiveBackfill() {
    String user = user();
    Jobs.start(office, user);

    publish(IntegrationEvents.deleted(EventFixtures.integrationEvent(user)));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs(user).get(0).path("status").asString().equals("cancelled"));
  }

  @Test
  void aDeletedUserLosesEveryJob() {
    String user = user();
    Jobs.start(office, user);

    office.bean(EventPublisher.class).publish(EventFixtures.userEvent(user)).join();

    await().atMost(Duration.ofSeconds(60)).until(() -> jobs(user).isEmpty());
  }

  private static List<JsonNode> jobs(String user) {
    return office
        .get("/internal/backfill?user_id=" + user)
        .body()
        .path("jobs")
        .valueStream()
        .toList();
  }

  private static void publish(IntegrationEvent event) {
    office.bean(EventPublisher.class).publish(event).join();
  }
}
