package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Microsoft job longer than the run limit: pages of 10 messages paced at 5 Outlook requests a
 * second with a 1 s burst, under a 2 s run limit, so the job checkpoints its {@code
 * @odata.nextLink} mid-folder and mid-window and later runs go on from it. Every message is
 * fetched once across the runs.
 */
@IntegrationTest
class MicrosoftResumeIT {

  private static final String USER = "fay.resume@contoso.test";

  private static GraphSim sim;
  private static PublishedEvents published;
  private static JsonNode job;

  @BeforeAll
  static void runAJobLongerThanTheLimit() {
    sim =
        GraphSim.start(
            GraphSimConfig.defaults()
                .withPort(0)
                .withAccount(AccountSpec.of(USER).withMailbox(51, 150, 20, 10, 2).withContacts(5)));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties = MicrosoftOffice.properties(prefix, sim);
    properties.put("officeflow.office.backfill.run-time-limit", "2s");
    properties.put("officeflow.office.microsoft.mail-page-size", "10");
    properties.put("officeflow.office.quota.outlook-requests-per-minute", "300");
    properties.put("officeflow.office.quota.burst", "1s");
    published = new PublishedEvents(prefix);
    try (OfficeInstance office = OfficeInstance.start(properties)) {
      String id = Jobs.start(office, USER, "microsoft").path("job_id").asString();
      job = Jobs.await(office, id, "completed", Duration.ofSeconds(120));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    published.close();
    sim.close();
  }

  @Test
  void theJobTookSeveralRunsWithoutAFailedAttempt() {
    assertThat(job.path("runs").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(job.path("attempts").asInt()).isZero();
  }

  @Test
  void eachRunWentOnFromTheLastOnesPageSoEveryMessageArrivedOnce() {
    Set<String> expected = messages();
    String id = job.path("job_id").asString();

    await()
        .atMost(Duration.ofSeconds(60))
        .during(Duration.ofSeconds(1))
        .until(() -> published.emailsOf(id).size() >= expected.size());
    List<EmailEvent> emails = published.emailsOf(id);

    // A run stops after a checkpoint, so no page is read twice: no message arrives twice.
    assertThat(emails)
        .extracting(e -> e.email().providerMessageId())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Set<String> messages() {
    Instant after = Jobs.instant(job, "email_after");
    return sim.admin().account(USER).messages().snapshot().live().stream()
        .filter(m -> !m.receivedDateTime().truncatedTo(ChronoUnit.SECONDS).isBefore(after))
        .map(MailItem::id)
        .collect(Collectors.toSet());
  }
}
