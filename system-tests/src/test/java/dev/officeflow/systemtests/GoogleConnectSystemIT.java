package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Connecting Google through the user service, across the whole system (issue 4, acceptance 1 and 4;
 * the one trace of issue 8 is {@link OneTraceSystemIT}'s): every application is a process of its
 * own, so what is checked here crossed process boundaries through Pub/Sub, HTTP and the databases.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class GoogleConnectSystemIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Set<String> ACTIVE = Set.of("queued", "running");

  private static OfficeflowSystem system;
  private static SystemClient client;

  @BeforeAll
  static void start(OfficeflowSystem running) {
    system = running;
    client = new SystemClient(system);
  }

  @Test
  void connectingGoogleBackfillsTheAccountWithoutAnyOtherCall() {
    String userId = client.connect(SystemAccounts.ANN);

    JsonNode job =
        await()
            .atMost(PATIENCE)
            .until(() -> client.jobs(userId), jobs -> finished(jobs).isPresent())
            .get(0);
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
    assertThat(job.path("progress").path("published").asLong())
        .isGreaterThanOrEqualTo(SystemAccounts.SMALL_MAILBOX);
  }

  @Test
  void aRevokedGrantMarksTheIntegrationRevokedAndAnnouncesIt() {
    String userId = client.connect(SystemAccounts.CY);

    client.revokeAtGoogle(userId);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(client.integrationEvents(userId))
                    .anySatisfy(
                        e -> {
                          assertThat(e.operation()).isEqualTo(Operation.UPDATE);
                          assertThat(e.status()).isEqualTo(IntegrationStatus.REVOKED);
                        }));
    assertThat(client.googleIntegration(SystemAccounts.CY).path("status").asString())
        .isEqualTo("revoked");
  }

  @Test
  void aRevokedGrantFailsTheBackfillWithTheReason() {
    String userId = client.connect(SystemAccounts.DEE);
    await().atMost(PATIENCE).until(() -> client.jobs(userId).size() == 1);

    client.revokeAtGoogle(userId);

    JsonNode job =
        await()
            .atMost(PATIENCE)
            .until(() -> client.onlyJob(userId), j -> !ACTIVE.contains(status(j)));
    assertThat(status(job)).as(job.toString()).isEqualTo("failed");
    // Whichever notices first: the token refusal (the problem's "code: detail") or the event.
    assertThat(job.path("error").asString())
        .containsPattern("integration[_ ]revoked")
        .doesNotContain("{");
  }

  private static Optional<JsonNode> finished(List<JsonNode> jobs) {
    return jobs.stream().filter(j -> !ACTIVE.contains(status(j))).findFirst();
  }

  private static String status(JsonNode job) {
    return job.path("status").asString();
  }
}
