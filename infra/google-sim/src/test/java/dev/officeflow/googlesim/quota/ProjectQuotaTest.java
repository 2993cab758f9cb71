package dev.officeflow.googlesim.quota;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.people.v1.PeopleService;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.SimStats;
import dev.officeflow.googlesim.people.PeopleScopes;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The project's budget, shared by every user, through the official clients. */
class ProjectQuotaTest {

  private static final String BOB = "bob@acme.test";

  /**
   * What Google's front end answers when the project's Gmail budget (here 120 a minute) is spent.
   */
  private static final String GMAIL_PROJECT_REFUSAL =
      """
      {"error": {
        "code": 429,
        "message": "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'gmail.googleapis.com' for consumer 'project_number:0'.",
        "errors": [{
          "message": "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'gmail.googleapis.com' for consumer 'project_number:0'.",
          "domain": "usageLimits",
          "reason": "rateLimitExceeded"}],
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {"@type": "type.googleapis.com/google.rpc.ErrorInfo",
           "reason": "RATE_LIMIT_EXCEEDED",
           "domain": "googleapis.com",
           "metadata": {
             "consumer": "projects/0",
             "quota_limit": "defaultPerMinutePerProject",
             "quota_limit_value": "120",
             "quota_location": "global",
             "quota_metric": "gmail.googleapis.com/default",
             "service": "gmail.googleapis.com"}},
          {"@type": "type.googleapis.com/google.rpc.Help",
           "links": [{"description": "Request a higher quota limit.",
                      "url": "https://cloud.google.com/docs/quota#requesting_higher_quota"}]}]}}
      """;

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;

  @BeforeEach
  void start() {
    AccountSpec bob =
        AccountSpec.of(BOB)
            .withMailbox(MailboxSpec.small(7))
            .withContacts(20, 0)
            .withAddedScopes(PeopleScopes.READ_ALL);
    sim = SimFixtures.start(clock, SimFixtures.aliceWithContacts(), bob);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void twoUsersTogetherAreRefusedAtTheProjectLimitWhileEachIsUnderTheirOwn() throws IOException {
    // Each user may hold 100 units (600 a minute, 10 s of burst); the project only 20 (120).
    setQuota(
        QuotaSettings.defaults().withGmailUnitsPerMinute(600).withProjectGmailUnitsPerMinute(120));
    get(ALICE, 2);
    get(BOB, 2);

    GoogleJsonResponseException e = refusedGet(BOB);

    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(sim.stats().gmailUnits()).containsEntry(ALICE, 10L).containsEntry(BOB, 10L);
    assertThat(sim.stats().quotaErrors(ApiKind.GMAIL, QuotaBudget.PROJECT)).isEqualTo(1);
    assertThat(sim.stats().quotaErrors(ApiKind.GMAIL, QuotaBudget.USER)).isZero();
  }

  @Test
  void aGmailProjectRefusalIsGooglesFrontEndBodyWithTheProjectLimitAndNoRetryAfter()
      throws IOException {
    setQuota(
        QuotaSettings.defaults().withGmailUnitsPerMinute(600).withProjectGmailUnitsPerMinute(120));
    get(ALICE, 4);

    GoogleJsonResponseException e = refusedGet(BOB);

    assertThat(e.getStatusCode()).isEqualTo(429);
    // The client keeps the body's "error" object as the exception's content.
    assertThat(Json.MAPPER.readTree(e.getContent()))
        .isEqualTo(Json.MAPPER.readTree(GMAIL_PROJECT_REFUSAL).get("error"));
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
    assertThat(e.getDetails().getDetails().get(0).getReason()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(e.getHeaders().getRetryAfter()).isNull();
  }

  @Test
  void aCalendarProjectRefusalIs403RateLimitExceededNamingThePerProjectLimit() throws IOException {
    setQuota(QuotaSettings.defaults().withProjectCalendarRequestsPerMinute(6)); // holds one
    SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE)).events().list("primary").execute();
    var calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, BOB));

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> calendar.events().list("primary").execute());

    JsonNode error = Json.MAPPER.readTree(e.getContent());
    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(error.get("status").asString()).isEqualTo("PERMISSION_DENIED");
    assertThat(error.at("/errors/0/reason").asString()).isEqualTo("rateLimitExceeded");
    assertThat(error.at("/errors/0/domain").asString()).isEqualTo("usageLimits");
    assertThat(error.get("message").asString())
        .isEqualTo(
            "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service"
                + " 'calendar-json.googleapis.com' for consumer 'project_number:0'.");
    assertThat(error.at("/details/0/metadata/quota_limit").asString())
        .isEqualTo("defaultPerMinutePerProject");
    assertThat(error.at("/details/0/metadata/quota_limit_value").asString()).isEqualTo("6");
    assertThat(error.at("/details/0/metadata/service").asString())
        .isEqualTo("calendar-json.googleapis.com");
  }

  @Test
  void aPeopleProjectRefusalIs429ResourceExhaustedWithoutAnErrorsList() throws IOException {
    setQuota(QuotaSettings.defaults().withProjectPeopleRequestsPerMinute(6)); // holds one
    connections(ALICE).execute();
    var bobsConnections = connections(BOB);

    GoogleJsonResponseException e =
        catchThrowableOfType(GoogleJsonResponseException.class, bobsConnections::execute);

    JsonNode error = Json.MAPPER.readTree(e.getContent());
    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(error.get("status").asString()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.has("errors")).isFalse();
    assertThat(error.get("message").asString())
        .contains("limit 'Critical read requests (Contact and Profile Reads) per minute' of");
    assertThat(error.at("/details/0/reason").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(error.at("/details/0/metadata/quota_limit").asString())
        .isEqualTo("CriticalReadsPerMinutePerProject");
    assertThat(error.at("/details/0/metadata/quota_limit_value").asString()).isEqualTo("6");
  }

  @Test
  void refusalsAreCountedPerApiAndBudget() throws IOException {
    // Each user may hold 10 units (two messages.get), the project 15 (three).
    setQuota(
        QuotaSettings.defaults().withGmailUnitsPerMinute(60).withProjectGmailUnitsPerMinute(90));
    get(ALICE, 2);
    refusedGet(ALICE);
    get(BOB, 1);
    refusedGet(BOB);

    SimStats stats = sim.stats();

    assertThat(stats.quotaErrors(ApiKind.GMAIL, QuotaBudget.USER)).isEqualTo(1);
    assertThat(stats.quotaErrors(ApiKind.GMAIL, QuotaBudget.PROJECT)).isEqualTo(1);
    assertThat(stats.quotaErrors(ApiKind.CALENDAR, QuotaBudget.PROJECT)).isZero();
    assertThat(stats.totalQuotaErrors(QuotaBudget.PROJECT)).isEqualTo(1);
    assertThat(stats.totalQuotaErrors()).isEqualTo(2);
    assertThat(stats.quotaErrors(BOB)).isEqualTo(1);
    assertThat(stats.totalGmailUnits()).isEqualTo(15);
  }

  private void setQuota(QuotaSettings settings) {
    sim.admin().setQuota(settings);
  }

  private void get(String user, int times) throws IOException {
    Gmail gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, user));
    String id = sim.admin().generated(user).messages().get(0).id();
    for (int i = 0; i < times; i++) {
      gmail.users().messages().get("me", id).execute();
    }
  }

  private GoogleJsonResponseException refusedGet(String user) {
    return catchThrowableOfType(GoogleJsonResponseException.class, () -> get(user, 1));
  }

  private PeopleService.People.Connections.List connections(String user) throws IOException {
    return SimFixtures.people(sim, SimFixtures.token(sim, user))
        .people()
        .connections()
        .list("people/me")
        .setPersonFields("names,emailAddresses");
  }
}
