package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.office.testing.ExpectedItems;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two office instances polling one database: each job is claimed by one of them and runs once. */
@IntegrationTest
class TwoInstancesIT {

  private static final int USERS = 4;
  private static final int MESSAGES = 150;

  private static GoogleSim sim;
  private static OfficeInstance first;
  private static OfficeInstance second;
  private static PublishedEvents published;
  private static List<JsonNode> jobs;

  @BeforeAll
  static void runJobsOnTwoInstances() throws Exception {
    AccountSpec[] accounts =
        IntStream.range(0, USERS)
            .mapToObj(i -> TestSims.account(user(i), 30 + i, MESSAGES, 20, 20))
            .toArray(AccountSpec[]::new);
    sim = TestSims.start(TestSims.fastQuota(), accounts);
    String prefix = IsolatedCatalog.apply();
    TestDatabase db = Infrastructure.createDatabase("office");
    Map<String, Object> properties = new HashMap<>(OfficeProperties.of(prefix, db, sim));
    properties.put("officeflow.office.backfill.poll-interval", "50ms");
    published = new PublishedEvents(prefix);
    first = OfficeInstance.start(OfficeProperties.instance(properties, "first"));
    second = OfficeInstance.start(OfficeProperties.instance(properties, "second"));
    List<String> ids =
        IntStream.range(0, USERS)
            .mapToObj(
                i -> Jobs.start(i % 2 == 0 ? first : second, user(i)).path("job_id").asString())
            .toList();
    jobs =
        ids.stream()
            .map(id -> Jobs.await(first, id, "completed", Duration.ofSeconds(120)))
            .toList();
  }

  @AfterAll
  static void stop() throws Exception {
    first.close();
    second.close();
    published.close();
    sim.close();
  }

  private static String user(int i) {
    return "two-" + i + "@acme.test";
  }

  @Test
  void eachJobRanOnce() {
    assertThat(jobs).allSatisfy(job -> assertThat(job.path("runs").asInt()).isEqualTo(1));
  }

  @Test
  void eachMessageWasFetchedOnce() {
    assertThat(sim.stats().requests("gmail.users.messages.get")).isEqualTo((long) USERS * MESSAGES);
  }

  @Test
  void eachItemWasPublishedOnce() {
    for (JsonNode job : jobs) {
      String id = job.path("job_id").asString();
      String user = job.path("user_id").asString();
      int expected =
          ExpectedItems.messages(sim, user, Jobs.instant(job, "email_after")).size()
              + ExpectedItems.events(
                      sim,
                      user,
                      Jobs.instant(job, "calendar_from"),
                      Jobs.instant(job, "calendar_to"))
                  .size();
      await()
          .atMost(Duration.ofSeconds(60))
          .during(Duration.ofSeconds(1))
          .until(
              () -> published.emailsOf(id).size() + published.calendarsOf(id).size() == expected);
      assertThat(PublishedEvents.keys(published.emailsOf(id)))
          .hasSize(published.emailsOf(id).size());
    }
  }
}
