package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The progress schema's rule across fields lets through what the codec reads. */
class ProgressSchemaTest {

  @Test
  void aFailedReportWithItsReasonPassesTheSchema() {
    ObjectNode failed = written();
    failed.put("state", "failed").put("error", "attempts used: quota");

    assertThat(ContractSchemas.errors(EventType.PROGRESS, failed)).isEmpty();
    WrittenEvents.CODEC.decode(ContractSchemas.JSON.writeValueAsBytes(failed), EventType.PROGRESS);
  }

  @Test
  void aCompletedReportNeedsNoReason() {
    ObjectNode completed = written();
    completed.put("state", "completed").put("phase", "done").put("provisional", false);

    assertThat(ContractSchemas.errors(EventType.PROGRESS, completed)).isEmpty();
  }

  private static ObjectNode written() {
    return (ObjectNode)
        ContractSchemas.JSON.readTree(WrittenEvents.CODEC.encode(EventFixtures.progressEvent("u")));
  }
}
