package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One user with a Google and a Microsoft account of the same address: the two backfills run side by
 * side (one active job per user and provider), each with its own provider's grant, and publish
 * items of both providers under distinct keys.
 */
@IntegrationTest
class BothProvidersIT {

  private static final String USER = "gil.both@contoso.test";
  private static final Duration LONG = Duration.ofSeconds(120);

  private static GoogleSim google;
  private static GraphSim graph;
  private static OfficeInstance office;
  private static PublishedEvents published;

  @BeforeAll
  static void start() {
    google = TestSims.start(TestSims.fastQuota(), TestSims.account(USER, 61, 40, 5, 6));
    graph =
        GraphSim.start(
            GraphSimConfig.defaults()
                .withPort(0)
                .withAccount(AccountSpec.of(USER).withMailbox(62, 30, 5, 6, 1).withContacts(3)));
    String prefix = IsolatedCatalog.apply();
    TestDatabase db = Infrastructure.createDatabase("office");
    Map<String, Object> properties = new HashMap<>(OfficeProperties.microsoft(prefix, db, graph));
    properties.putAll(OfficeProperties.of(prefix, db, google));
    published = new PublishedEvents(prefix);
    office = OfficeInstance.start(properties);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    published.close();
    graph.close();
    google.close();
  }

  @Test
  void bothBackfillsRunAtOnceAndPublishEachProvidersMail() {
    String googleJob = Jobs.start(office, USER, "google").path("job_id").asString();
    String microsoftJob = Jobs.start(office, USER, "microsoft").path("job_id").asString();

    JsonNode g = Jobs.await(office, googleJob, "completed", LONG);
    JsonNode m = Jobs.await(office, microsoftJob, "completed", LONG);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                published.emailsOf(googleJob).size() == 40
                    && published.emailsOf(microsoftJob).size() == 30);
    List<EmailEvent> all = published.emails(e -> true);
    assertThat(all).extracting(EmailEvent::provider).containsOnly("google", "microsoft");
    assertThat(PublishedEvents.keys(published.emailsOf(googleJob)))
        .allMatch(k -> k.startsWith(USER + ":google:"));
    assertThat(PublishedEvents.keys(published.emailsOf(microsoftJob)))
        .allMatch(k -> k.startsWith(USER + ":microsoft:"));
    assertThat(g.path("provider").asString()).isEqualTo("google");
    assertThat(m.path("provider").asString()).isEqualTo("microsoft");
  }
}
