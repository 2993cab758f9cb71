package dev.officeflow.contacts.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /onboarding/vips/status} says whether the candidates are provisional, from the
 * office's progress events published to the emulator: provisional while the latest job runs, final
 * once it completed; older and repeated reports change nothing; a malformed report is a dead letter
 * with its reason; a forgotten user's reports store nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VipStatusProgressIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Instant T = Instant.now().minus(Duration.ofHours(1));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SUBSCRIPTION = "contacts-progress";

  private final HttpClient http = HttpClient.newHttpClient();
  private ContactsApp app;
  private EmulatorPubSub pubsub;
  private EmulatorPubSub.Collector deadLetters;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_progress");
    pubsub = new EmulatorPubSub();
    deadLetters = pubsub.collect(app.prefix() + SUBSCRIPTION + "-dead-letter");
  }

  @AfterAll
  void stop() throws InterruptedException {
    deadLetters.close();
    pubsub.close();
    app.close();
  }

  @Test
  void candidatesAreProvisionalWhileTheJobRunsAndFinalOnceItCompleted() throws Exception {
    MailEvents ana = new MailEvents("u-ana-progress", "ana@acme.test");
    List<OfficeEvent> mail = correspondence(ana, 5);
    long emails = app.handled().acked(EventType.EMAIL);
    app.publish(mail);
    await()
        .atMost(PATIENCE)
        .until(() -> app.handled().acked(EventType.EMAIL) >= emails + mail.size());

    app.publish(report(ana, "job-ana", 1, ProgressState.RUNNING, 30, T));
    JsonNode running = awaitJob(ana, "running");

    assertThat(running.path("provisional").asBoolean()).isTrue();
    assertThat(running.path("job").path("percent").asInt()).isEqualTo(30);
    assertThat(running.path("job").path("job_id").asString()).isEqualTo("job-ana");
    assertThat(json(get("/onboarding/vips", ana)).path("candidates")).hasSize(5);

    app.publish(report(ana, "job-ana", 7, ProgressState.COMPLETED, 100, T.plusSeconds(60)));
    JsonNode completed = awaitJob(ana, "completed");

    assertThat(completed.path("provisional").asBoolean()).isFalse();
    assertThat(completed.path("job").path("percent").asInt()).isEqualTo(100);
    assertThat(completed.path("job").path("phase").asString()).isEqualTo("done");
  }

  @Test
  void olderAndRepeatedReportsOfAJobChangeNothing() throws Exception {
    MailEvents bo = new MailEvents("u-bo-progress", "bo@acme.test");
    app.publish(report(bo, "job-bo", 3, ProgressState.RUNNING, 60, T.plusSeconds(30)));
    awaitJob(bo, "running");
    long stale = settled("stale");

    app.publish(report(bo, "job-bo", 2, ProgressState.RUNNING, 40, T.plusSeconds(20)));
    app.publish(report(bo, "job-bo", 3, ProgressState.RUNNING, 55, T.plusSeconds(30)));
    app.publish(report(bo, "job-bo-earlier", 9, ProgressState.COMPLETED, 100, T));

    await().atMost(PATIENCE).until(() -> settled("stale") >= stale + 3);
    JsonNode status = json(get("/onboarding/vips/status", bo));
    assertThat(status.path("job").path("job_id").asString()).isEqualTo("job-bo");
    assertThat(status.path("job").path("sequence").asLong()).isEqualTo(3);
    assertThat(status.path("job").path("percent").asInt()).isEqualTo(60);
    assertThat(status.path("provisional").asBoolean()).isTrue();
  }

  @Test
  void aLaterJobReplacesTheOneHeldAndAFailureLeavesCandidatesProvisional() throws Exception {
    MailEvents cy = new MailEvents("u-cy-progress", "cy@acme.test");
    app.publish(report(cy, "job-cy-1", 5, ProgressState.COMPLETED, 100, T));
    awaitJob(cy, "completed");

    app.publish(report(cy, "job-cy-2", 1, ProgressState.FAILED, 10, T.plusSeconds(600)));
    JsonNode failed = awaitJob(cy, "failed");

    assertThat(failed.path("job").path("job_id").asString()).isEqualTo("job-cy-2");
    assertThat(failed.path("provisional").asBoolean()).isTrue();
  }

  @Test
  void withNoJobReportedTheStatusSaysSoAndFallsBackToWhatArrived() throws Exception {
    JsonNode status = json(get("/onboarding/vips/status", new MailEvents("u-none", "n@acme.test")));

    assertThat(status.path("job").isNull()).isTrue();
    assertThat(status.path("backfill").path("state").asString()).isEqualTo("not_connected");
    assertThat(status.path("provisional").asBoolean()).isFalse();
  }

  @Test
  void aMalformedReportIsDeadLetteredWithItsReason() {
    MailEvents di = new MailEvents("u-di-progress", "di@acme.test");
    String json =
        new String(
                new EventCodec().encode(report(di, "job-di", 1, ProgressState.RUNNING, 5, T)),
                StandardCharsets.UTF_8)
            .replace("\"state\":\"running\"", "\"state\":\"paused\"");

    pubsub
        .publisher()
        .publish(
            app.prefix() + "progress",
            PubsubMessage.newBuilder()
                .setData(ByteString.copyFromUtf8(json))
                .putAttributes(EventAttributes.TYPE, EventType.PROGRESS.ceType())
                .build())
        .join();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(deadLetters.messages())
                    .anySatisfy(
                        m ->
                            assertThat(m.getAttributesMap().get(EventAttributes.ERROR_REASON))
                                .startsWith("invalid")
                                .contains("paused")));
    assertThat(rows(di)).isZero();
  }

  @Test
  void aForgottenUsersReportsStoreNothing() {
    MailEvents ed = new MailEvents("u-ed-progress", "ed@acme.test");
    app.publish(report(ed, "job-ed", 1, ProgressState.RUNNING, 20, T));
    await().atMost(PATIENCE).until(() -> rows(ed) == 1);
    long users = app.settled("contacts-users");
    app.publish(ed.deleted());
    await().atMost(PATIENCE).until(() -> app.settled("contacts-users") > users && rows(ed) == 0);
    long progress = app.settled(SUBSCRIPTION);

    app.publish(report(ed, "job-ed", 2, ProgressState.RUNNING, 40, T.plusSeconds(10)));

    await().atMost(PATIENCE).until(() -> app.settled(SUBSCRIPTION) > progress);
    assertThat(rows(ed)).isZero();
  }

  private JsonNode awaitJob(MailEvents user, String state) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                state.equals(
                    json(get("/onboarding/vips/status", user))
                        .path("job")
                        .path("state")
                        .asString()));
    return json(get("/onboarding/vips/status", user));
  }

  private static ProgressEvent report(
      MailEvents user, String job, long sequence, ProgressState state, int percent, Instant at) {
    return EventFixtures.progress(user.userId(), job, sequence, state, percent, at);
  }

  /** People who wrote to the user and whom the user wrote to: candidates. */
  private static List<OfficeEvent> correspondence(MailEvents user, int people) {
    List<OfficeEvent> events = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String other = "friend" + i + "@example.org";
      events.add(user.email("in" + i, other, List.of(user.account()), List.of(), T));
      events.add(user.email("out" + i, user.account(), List.of(other), List.of(), T));
    }
    return events;
  }

  private long rows(MailEvents user) {
    return app.database()
        .count("SELECT count(*) FROM backfill_job_progress WHERE user_id = ?", user.userId());
  }

  /** Deliveries settled on {@code contacts-progress} with this outcome. */
  private long settled(String outcome) {
    return Math.round(
        app
            .context()
            .getBean(io.micrometer.core.instrument.MeterRegistry.class)
            .find("officeflow.consumer.messages")
            .counters()
            .stream()
            .filter(c -> c.getId().getTag("subscription").endsWith(SUBSCRIPTION))
            .filter(c -> outcome.equals(c.getId().getTag("outcome")))
            .mapToDouble(io.micrometer.core.instrument.Counter::count)
            .sum());
  }

  private HttpResponse<String> get(String path, MailEvents user) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Authorization", "Bearer " + app.jwks().token(user.userId()))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
