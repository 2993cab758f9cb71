package dev.officeflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress event's own rules, beyond the checks every event shares. */
class ProgressEventTest {

  private static final EventCodec CODEC = new EventCodec();

  @Test
  void aFailedReportWithItsReasonTravelsWhole() {
    ProgressEvent failed = failed("token refresh failed: invalid_grant");

    byte[] wire = CODEC.encode(failed);

    assertThat(new String(wire, StandardCharsets.UTF_8))
        .contains("\"state\":\"failed\"", "\"job_id\":\"job-ana\"", "\"skipped_sources\":{");
    assertThat(CODEC.decode(wire, EventType.PROGRESS)).isEqualTo(failed);
  }

  @Test
  void aFailedReportWithoutAReasonIsRefused() {
    assertThatThrownBy(() -> failed(null))
        .isInstanceOf(EventValidationException.class)
        .hasMessageContaining("error");
  }

  @Test
  void aRunningReportNeedsNoReason() {
    assertThat(EventFixtures.progressEvent("ana").error()).isNull();
  }

  @Test
  void stateIsReadInAnyCaseAndWrittenLowerCase() {
    assertThat(ProgressState.fromWire("COMPLETED")).isEqualTo(ProgressState.COMPLETED);
    assertThat(ProgressState.RETRYING.wire()).isEqualTo("retrying");
    assertThat(ProgressState.COMPLETED.finished()).isTrue();
    assertThat(ProgressState.RETRYING.finished()).isFalse();
  }

  @Test
  void theProgressTypeIsNamedAsAgreed() {
    assertThat(EventType.PROGRESS.ceType()).isEqualTo("dev.officeflow.progress.v1");
    assertThat(EventType.PROGRESS.docType()).isEqualTo("backfill_progress");
    assertThat(EventType.PROGRESS.topic()).isEqualTo("progress");
  }

  private static ProgressEvent failed(String error) {
    ProgressEvent running = EventFixtures.progressEvent("ana");
    return new ProgressEvent(
        running.metadata(),
        running.userId(),
        Operation.UPDATE,
        running.batchId(),
        running.lastUpdated(),
        running.syncTimestamp(),
        running.provider(),
        running.jobId(),
        9,
        ProgressState.FAILED,
        "mail",
        "gmail",
        true,
        running.processed(),
        running.published(),
        running.skipped(),
        running.failed(),
        running.estimate(),
        running.percent(),
        error,
        running.skippedSources());
  }
}
