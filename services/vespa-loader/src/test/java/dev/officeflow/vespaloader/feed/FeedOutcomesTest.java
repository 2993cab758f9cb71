package dev.officeflow.vespaloader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import ai.vespa.feed.client.DocumentId;
import ai.vespa.feed.client.FeedException;
import ai.vespa.feed.client.Result;
import ai.vespa.feed.client.ResultException;
import dev.officeflow.runtime.consume.Outcome;
import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FeedOutcomesTest {

  private static final DocumentId ID = DocumentId.of("officeflow", "email", "u1", "google_m1");

  @Test
  void anAppliedWriteIsDone() {
    assertThat(FeedOutcomes.of(result(Result.Type.success))).isEqualTo(Outcome.done());
  }

  @Test
  void aFailedConditionMeansTheStoredVersionIsNewerSoTheEventIsStale() {
    assertThat(FeedOutcomes.of(result(Result.Type.conditionNotMet))).isEqualTo(Outcome.stale());
  }

  @Test
  void aBadRequestIsDeadLetteredWithVespasMessage() {
    Outcome outcome = FeedOutcomes.of(ID, httpError(400, "No field 'x' in the structure of type"));

    assertThat(outcome.action()).isEqualTo(Outcome.Action.DEAD_LETTER);
    assertThat(outcome.reason())
        .startsWith("vespa_rejected: id:officeflow:email:g=u1:google_m1: status 400: ")
        .endsWith("No field 'x' in the structure of type");
  }

  @Test
  void aDocumentTooLargeForVespaIsDeadLettered() {
    Outcome outcome = FeedOutcomes.of(ID, httpError(413, "Request entity too large"));

    assertThat(outcome.action()).isEqualTo(Outcome.Action.DEAD_LETTER);
  }

  @Test
  void unavailableAfterTheClientsOwnRetriesIsAnOutageThatSpendsNoDelivery() {
    Outcome outcome = FeedOutcomes.of(ID, httpError(503, "Service temporarily unavailable"));

    assertThat(outcome.action()).isEqualTo(Outcome.Action.UNAVAILABLE);
    assertThat(outcome.reason()).startsWith("vespa_unavailable: ").contains("status 503");
  }

  @Test
  void throttlingIsAnOutage() {
    assertThat(FeedOutcomes.of(ID, httpError(429, "Rejecting execution")).action())
        .isEqualTo(Outcome.Action.UNAVAILABLE);
  }

  @Test
  void anotherErrorAnswerIsRetriedByPubSub() {
    Outcome outcome = FeedOutcomes.of(ID, httpError(500, "Internal error"));

    assertThat(outcome.action()).isEqualTo(Outcome.Action.RETRY);
    assertThat(outcome.reason()).startsWith("vespa_failed: ").contains("status 500");
  }

  @Test
  void aVespaSideFailureSuchAsATimeoutIsRetried() {
    ResultException timeout = new ResultException(ID, "Timed out after 30s", null);

    assertThat(FeedOutcomes.of(ID, new CompletionException(timeout)).action())
        .isEqualTo(Outcome.Action.RETRY);
  }

  @Test
  void aRefusedConnectionIsAnOutageAndNamesTheCause() {
    FeedException refused = new FeedException(ID, new ConnectException("Connection refused"));

    Outcome outcome = FeedOutcomes.of(ID, refused);

    assertThat(outcome.action()).isEqualTo(Outcome.Action.UNAVAILABLE);
    assertThat(outcome.reason()).contains("Connection refused");
  }

  private static FeedException httpError(int status, String message) {
    return new FeedException(
        ID,
        "Status "
            + status
            + " executing 'POST /document/v1/officeflow/email/group/u1/google_m1': "
            + message);
  }

  private static Result result(Result.Type type) {
    return new Result() {
      @Override
      public Type type() {
        return type;
      }

      @Override
      public DocumentId documentId() {
        return ID;
      }

      @Override
      public Optional<String> resultMessage() {
        return Optional.empty();
      }

      @Override
      public Optional<String> traceMessage() {
        return Optional.empty();
      }
    };
  }
}
