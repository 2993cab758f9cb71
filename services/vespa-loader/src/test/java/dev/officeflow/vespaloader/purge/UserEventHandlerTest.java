package dev.officeflow.vespaloader.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.vespaloader.FakeVespa;
import dev.officeflow.vespaloader.feed.FeedSettings;
import io.opentelemetry.api.trace.SpanContext;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserEventHandlerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Delivery DELIVERY =
      new Delivery("vespa-loader-users", "1", Map.of(), 1, SpanContext.getInvalid());

  @Test
  void aUserThatWasNotDeletedChangesNothingAndIsSkipped() {
    try (FakeVespa vespa = FakeVespa.answering(uri -> new FakeVespa.Reply(200, "{}"))) {
      UserEvent created = withOperation(EventFixtures.userEvent("u1"), Operation.CREATE);

      Outcome outcome = handler(vespa).handle(created, DELIVERY).block(WAIT);

      assertThat(outcome.action()).isEqualTo(Outcome.Action.ACK);
      assertThat(outcome.reason()).startsWith("skipped");
      assertThat(vespa.requests()).isEmpty();
    }
  }

  @Test
  void aPurgeVespaRejectsIsDeadLetteredWithVespasMessage() {
    try (FakeVespa vespa =
        FakeVespa.answering(
            uri -> new FakeVespa.Reply(400, "{\"message\":\"Illegal selection\"}"))) {

      Outcome outcome = handler(vespa).handle(EventFixtures.userEvent("u1"), DELIVERY).block(WAIT);

      assertThat(outcome.action()).isEqualTo(Outcome.Action.DEAD_LETTER);
      assertThat(outcome.reason())
          .startsWith("vespa_rejected: DELETE /document/v1/officeflow/email/group/u1/")
          .endsWith("status 400: Illegal selection");
    }
  }

  @Test
  void aPurgeWhileVespaIsUnavailableIsRetried() {
    try (FakeVespa vespa =
        FakeVespa.answering(uri -> new FakeVespa.Reply(503, "{\"message\":\"busy\"}"))) {

      Outcome outcome = handler(vespa).handle(EventFixtures.userEvent("u1"), DELIVERY).block(WAIT);

      assertThat(outcome.action()).isEqualTo(Outcome.Action.RETRY);
      assertThat(outcome.reason()).startsWith("vespa_unavailable: ").contains("status 503");
    }
  }

  @Test
  void aCompletedPurgeIsDone() {
    try (FakeVespa vespa =
        FakeVespa.answering(uri -> new FakeVespa.Reply(200, "{\"documentCount\":1}"))) {

      Outcome outcome = handler(vespa).handle(EventFixtures.userEvent("u1"), DELIVERY).block(WAIT);

      assertThat(outcome).isEqualTo(Outcome.done());
      assertThat(vespa.requests()).hasSize(GroupPurger.DOCTYPES.size());
    }
  }

  private static UserEventHandler handler(FakeVespa vespa) {
    GroupPurger purger =
        new GroupPurger(HttpClient.newHttpClient(), FeedSettings.of(vespa.endpoint()));
    return new UserEventHandler(purger, Duration.ZERO);
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
