package dev.officeflow.vespaloader.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.vespaloader.FakeVespa;
import dev.officeflow.vespaloader.feed.FeedSettings;
import dev.officeflow.vespasim.VespaSim;
import io.opentelemetry.api.trace.SpanContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class UserEventHandlerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Delivery DELIVERY =
      new Delivery("vespa-loader-users", "1", Map.of(), 1, SpanContext.getInvalid());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aUserThatWasNotDeletedChangesNothingAndIsSkipped() {
    try (FakeVespa vespa = FakeVespa.answering(uri -> new FakeVespa.Reply(200, "{}"))) {
      UserEvent created = withOperation(EventFixtures.userEvent("u1"), Operation.CREATE);

      Outcome outcome =
          handler(vespa.endpoint(), Duration.ZERO).handle(created, DELIVERY).block(WAIT);

      assertThat(outcome.action()).isEqualTo(Outcome.Action.ACK);
      assertThat(outcome.reason()).startsWith("skipped");
      assertThat(vespa.requests()).isEmpty();
    }
  }

  @Test
  void theUserIsRecordedAsForgottenBeforeAnythingIsRemovedAndEveryGroupIsEmptiedTwice() {
    try (FakeVespa vespa =
        FakeVespa.answering(uri -> new FakeVespa.Reply(200, "{\"documentCount\":1}"))) {

      Outcome outcome =
          handler(vespa.endpoint(), Duration.ZERO)
              .handle(EventFixtures.userEvent("u1"), DELIVERY)
              .block(WAIT);

      assertThat(outcome).isEqualTo(Outcome.done());
      assertThat(vespa.requests()).hasSize(1 + 2 * GroupPurger.DOCTYPES.size());
      assertThat(vespa.requests().get(0).getRawPath())
          .isEqualTo("/document/v1/officeflow/forgotten_user/docid/u1");
      assertThat(vespa.requests().subList(1, vespa.requests().size()))
          .allSatisfy(uri -> assertThat(uri.getRawPath()).contains("/group/u1/"));
    }
  }

  @Test
  void aPurgeVespaRejectsIsRetriedNotDeadLettered() {
    try (FakeVespa vespa =
        FakeVespa.answering(
            uri ->
                uri.getRawPath().contains("forgotten_user")
                    ? new FakeVespa.Reply(200, "{}")
                    : new FakeVespa.Reply(400, "{\"message\":\"Illegal selection\"}"))) {

      Outcome outcome =
          handler(vespa.endpoint(), Duration.ZERO)
              .handle(EventFixtures.userEvent("u1"), DELIVERY)
              .block(WAIT);

      assertThat(outcome.action()).isEqualTo(Outcome.Action.RETRY);
      assertThat(outcome.reason())
          .startsWith("purge_failed: DELETE /document/v1/officeflow/email/group/u1/")
          .endsWith("status 400: Illegal selection");
    }
  }

  @Test
  void whenTheForgottenRecordCannotBeWrittenNothingIsRemovedAndThePurgeIsRetried() {
    try (FakeVespa vespa =
        FakeVespa.answering(uri -> new FakeVespa.Reply(503, "{\"message\":\"busy\"}"))) {

      Outcome outcome =
          handler(vespa.endpoint(), Duration.ZERO)
              .handle(EventFixtures.userEvent("u1"), DELIVERY)
              .block(WAIT);

      assertThat(outcome.action()).isEqualTo(Outcome.Action.UNAVAILABLE);
      assertThat(outcome.reason()).contains("forgotten_user").contains("status 503");
      assertThat(vespa.requests()).hasSize(1);
    }
  }

  @Test
  void aWriteThatLandsAfterTheFirstRemovalIsRemovedByTheSecond() throws Exception {
    try (VespaSim sim = VespaSim.start(0, Path.of("../../infra/vespa/schemas"))) {
      URI endpoint = URI.create("http://127.0.0.1:" + sim.port() + "/");
      put(endpoint, "email", "u1", "google_early");

      CompletableFuture<Outcome> purge =
          handler(endpoint, Duration.ofSeconds(2))
              .handle(EventFixtures.userEvent("u1"), DELIVERY)
              .toFuture();
      await().atMost(WAIT).until(() -> sim.stats().visits() == GroupPurger.DOCTYPES.size());
      assertThat(sim.documents("email", "u1")).isEmpty();
      put(endpoint, "email", "u1", "google_in_flight");
      assertThat(purge).isNotDone();

      assertThat(purge.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(Outcome.done());
      assertThat(sim.documents("email", "u1")).isEmpty();
      assertThat(sim.stats().documents()).containsEntry("forgotten_user", 1);
    }
  }

  private static UserEventHandler handler(URI endpoint, Duration secondPassAfter) {
    FeedSettings settings = FeedSettings.of(endpoint);
    VespaForgottenUsers forgotten =
        new VespaForgottenUsers(HTTP, settings, Clock.systemUTC(), Duration.ofSeconds(2));
    return new UserEventHandler(
        forgotten, new GroupPurger(HTTP, settings), secondPassAfter, Duration.ZERO);
  }

  private static void put(URI endpoint, String doctype, String group, String id) throws Exception {
    URI uri = endpoint.resolve("document/v1/officeflow/" + doctype + "/group/" + group + "/" + id);
    String body = "{\"fields\":{\"user_id\":\"" + group + "\"}}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static UserEvent withOperation(UserEvent event, Operation operation) {
    return new UserEvent(
        event.metadata(),
        event.userId(),
        operation,
        event.batchId(),
        event.lastUpdated(),
        event.syncTimestamp(),
        event.provider(),
        event.email());
  }
}
