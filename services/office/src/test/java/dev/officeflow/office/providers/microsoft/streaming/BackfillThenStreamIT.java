package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.NewMessage;
import dev.officeflow.office.providers.microsoft.MicrosoftOffice;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * A real Microsoft backfill followed by streaming, with the mailbox changed while the backfill's
 * mail phase runs: a message already read is deleted and one is delivered into the window the
 * backfill had already read. Graph's delta has no "from now" token for Outlook, so the office takes
 * its streaming position (a whole initial delta round, published nowhere) before the backfill
 * reads; streaming then follows that position and sees both changes, and nothing else, in real
 * time.
 */
@IntegrationTest
class BackfillThenStreamIT {

  private static final String USER = "hal.between@contoso.test";

  private static GraphSim sim;
  private static OfficeInstance office;
  private static PublishedEvents published;
  private static JsonNode job;
  private static String deleted;
  private static String delivered;

  @BeforeAll
  static void backfillWhileTheMailboxChanges() {
    sim =
        GraphSim.start(
            GraphSimConfig.defaults()
                .withPort(0)
                .withAccount(AccountSpec.of(USER).withMailbox(71, 200, 10, 10, 1).withContacts(5)));
    String prefix = IsolatedCatalog.apply();
    int port = MicrosoftOffice.freePort();
    Map<String, Object> p = MicrosoftOffice.withWebhooks(prefix, sim, port);
    p.put("officeflow.office.microsoft.mail-page-size", "10");
    p.put("officeflow.office.quota.outlook-requests-per-minute", "600");
    p.put("officeflow.office.quota.burst", "1s");
    published = new PublishedEvents(prefix);
    office = OfficeInstance.start(p);
    String id = Jobs.start(office, USER, "microsoft").path("job_id").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> published.emailsOf(id).size() >= 30);
    GraphAccount account = sim.accounts().byEmail(USER).orElseThrow();
    deleted = published.emailsOf(id).get(0).providerItemId();
    account.deleteMessage(deleted).orElseThrow();
    // Received an hour ago: inside the newest window, which the backfill has read already.
    delivered =
        account
            .addMessage(
                new NewMessage(
                    "Bo Lind",
                    "bo@fabrikam.test",
                    List.of(USER),
                    List.of(),
                    List.of(),
                    "Late delivery",
                    "hello",
                    List.of(),
                    false,
                    null,
                    Instant.now().minus(Duration.ofHours(1))))
            .id();
    job = Jobs.await(office, id, "completed", Duration.ofSeconds(120));
    assertThat(job.path("progress").path("published").asLong()).isPositive();
    await("streaming to be live")
        .atMost(Duration.ofSeconds(60))
        .until(BackfillThenStreamIT::streamedOnce);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    published.close();
    sim.close();
  }

  @Test
  void aMessageDeliveredIntoAWindowAlreadyReadReachesTheTopic() {
    EmailEvent created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> published.emails(e -> delivered.equals(e.providerItemId())),
                l -> !l.isEmpty())
            .get(0);

    assertThat(created.operation()).isNotEqualTo(Operation.DELETE);
    assertThat(created.email().subject()).isEqualTo("Late delivery");
  }

  @Test
  void aMessageDeletedAfterTheBackfillReadItIsDeletedByStreaming() {
    List<EmailEvent> deletes =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    published.emails(
                        e ->
                            deleted.equals(e.providerItemId())
                                && e.operation() == Operation.DELETE),
                l -> !l.isEmpty());

    assertThat(deletes).allMatch(e -> e.syncType() == SyncType.REAL_TIME);
  }

  @Test
  void streamingPublishesTheTwoChangesAndNoCopyOfTheBackfilledMailbox() {
    await()
        .atMost(Duration.ofSeconds(30))
        .during(Duration.ofSeconds(1))
        .until(() -> streamed().size() == 2);

    assertThat(streamed())
        .extracting(EmailEvent::providerItemId)
        .containsExactlyInAnyOrder(deleted, delivered);
  }

  /** The user's email events that did not come from the backfill. */
  private static List<EmailEvent> streamed() {
    return published.emails(e -> USER.equals(e.userId()) && e.syncType() != SyncType.BATCH_SYNC);
  }

  /** Every resource has a subscription and a delta link, and no round runs or waits. */
  private static boolean streamedOnce() {
    DatabaseClient db = office.bean(DatabaseClient.class);
    long subscriptions =
        db.sql("SELECT count(*) AS n FROM microsoft_subscriptions WHERE user_id = :u")
            .bind("u", USER)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    long busy =
        db.sql(
                "SELECT count(*) AS n FROM microsoft_delta WHERE user_id = :u"
                    + " AND (delta_link IS NULL OR sync_owner IS NOT NULL OR pending)")
            .bind("u", USER)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    return subscriptions == GraphResource.values().length && busy == 0;
  }
}
