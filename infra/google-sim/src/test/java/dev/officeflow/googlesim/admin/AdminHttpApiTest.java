package dev.officeflow.googlesim.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminHttpApiTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private GoogleSim sim;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anAccountCreatedOverHttpServesItsGeneratedMailbox() throws Exception {
    JsonNode created =
        post(
            "sim/accounts",
            "{\"email\":\"erin@acme.test\",\"seed\":9,\"recentMessages\":30,\"olderMessages\":5,\"events\":4,\"olderEvents\":0}",
            201);
    JsonNode token = post("sim/accounts/erin@acme.test/tokens", "{}", 200);

    String profile = get("gmail/v1/users/me/profile", token.get("access_token").asString());

    assertThat(created.get("messagesTotal").asInt()).isEqualTo(35);
    assertThat(Json.MAPPER.readTree(profile).get("messagesTotal").asInt()).isEqualTo(35);
  }

  @Test
  void messagesAddedOverHttpAdvanceTheHistoryIdAndAreCounted() throws Exception {
    post(
        "sim/accounts",
        "{\"email\":\"erin@acme.test\",\"recentMessages\":3,\"olderMessages\":0}",
        201);
    long before = sim.admin().account("erin@acme.test").historyId();

    JsonNode added =
        post(
            "sim/accounts/erin@acme.test/messages",
            "{\"fromName\":\"Müller, Jürgen\",\"fromEmail\":\"j@partner.test\",\"subject\":\"Grüße\",\"text\":\"Hallo\"}",
            201);
    JsonNode labelled =
        post(
            "sim/accounts/erin@acme.test/messages/" + added.get("id").asString() + "/labels",
            "{\"add\":[\"STARRED\"]}",
            200);
    JsonNode stats = Json.MAPPER.readTree(get("sim/stats", null));

    assertThat(added.get("historyId").asLong()).isGreaterThan(before);
    assertThat(labelled.get("historyId").asLong()).isGreaterThan(added.get("historyId").asLong());
    assertThat(sim.admin().account("erin@acme.test").messagesTotal()).isEqualTo(4);
    assertThat(stats.has("quotaErrors")).isTrue();
  }

  @Test
  void anAccountWithCalendarsAndAnAddressBookIsCreatedFromJson() throws Exception {
    JsonNode created =
        post(
            "sim/accounts",
            "{\"email\":\"erin@acme.test\",\"recentMessages\":30,\"olderMessages\":0,"
                + "\"calendars\":[{\"id\":\"team@group.calendar.google.com\",\"summary\":\"Team\","
                + "\"accessRole\":\"owner\",\"events\":5},{\"id\":\"holidays@group.v.calendar.google.com\","
                + "\"summary\":\"Holidays\",\"accessRole\":\"reader\",\"events\":3}],"
                + "\"contacts\":10,\"otherContacts\":4}",
            201);
    JsonNode calendars = Json.MAPPER.readTree(get("sim/accounts/erin@acme.test/calendars", null));

    assertThat(created.get("calendars").asInt()).isEqualTo(3);
    assertThat(created.get("contacts").asInt()).isEqualTo(10);
    assertThat(created.get("otherContacts").asInt()).isEqualTo(4);
    assertThat(calendars.get(2).get("accessRole").asString()).isEqualTo("reader");
    assertThat(sim.admin().events("erin@acme.test", "team@group.calendar.google.com")).hasSize(5);
  }

  @Test
  void contactsAndSecondaryCalendarEventsChangeOverHttp() throws Exception {
    sim.admin().createAccount(SimFixtures.aliceWithCalendars().withContacts(3, 0));
    String base = "sim/accounts/" + SimFixtures.ALICE;

    String name =
        post(base + "/contacts", "{\"givenName\":\"Nora\",\"emails\":[\"nora@new.test\"]}", 201)
            .get("resourceName")
            .asString();
    String id = name.substring(name.indexOf('/') + 1);
    send("PATCH", base + "/contacts/" + id, "{\"familyName\":\"Quist\"}", 200);
    String first = sim.admin().people().contacts(SimFixtures.ALICE).get(0).resourceName();
    send("DELETE", base + "/contacts/" + first.substring(first.indexOf('/') + 1), "", 200);
    String event =
        post(
                base + "/events",
                "{\"calendarId\":\""
                    + SimFixtures.TEAM
                    + "\",\"summary\":\"Offsite\","
                    + "\"start\":\"2026-11-21T10:00:00+01:00\",\"end\":\"2026-11-21T12:00:00+01:00\"}",
                201)
            .get("id")
            .asString();
    send(
        "PATCH",
        base + "/events/" + event + "?calendarId=" + SimFixtures.TEAM,
        "{\"summary\":\"Moved\"}",
        200);
    post(base + "/expire-people-sync-tokens", "{}", 200);
    JsonNode book = Json.MAPPER.readTree(get(base + "/contacts", null));

    assertThat(sim.admin().people().contacts(SimFixtures.ALICE))
        .extracting(PersonRecord::displayName)
        .hasSize(3)
        .contains("Nora Quist");
    assertThat(book.get("contacts")).hasSize(3);
    assertThat(book.get("contacts").get(2).get("resourceName").asString()).isEqualTo(name);
    assertThat(book.get("contacts").get(2).get("familyName").asString()).isEqualTo("Quist");
    assertThat(sim.admin().events(SimFixtures.ALICE, SimFixtures.TEAM))
        .anySatisfy(e -> assertThat(e.summary()).isEqualTo("Moved"));
  }

  @Test
  void theProjectsLimitsAreSetAndReadOverHttpAndRefillFull() throws Exception {
    JsonNode answered =
        post(
            "sim/quota",
            "{\"projectGmailUnitsPerMinute\":120000,\"projectCalendarRequestsPerMinute\":900,"
                + "\"projectPeopleRequestsPerMinute\":300}",
            200);
    JsonNode read = Json.MAPPER.readTree(get("sim/quota", null));

    assertThat(sim.admin().quota().projectGmailUnitsPerMinute()).isEqualTo(120_000);
    assertThat(sim.admin().quota().gmailUnitsPerMinute()).isEqualTo(6_000);
    assertThat(answered).isEqualTo(read);
    assertThat(read.get("projectCalendarRequestsPerMinute").asInt()).isEqualTo(900);
    assertThat(read.get("projectPeopleRequestsPerMinute").asInt()).isEqualTo(300);
  }

  @Test
  void aQuotaLimitThatIsNotAWholeNumberIs400AndChangesNothing() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "sim/quota"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"gmailUnitsPerMinute\":60,\"projectGmailUnitsPerMinute\":\"lots\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("projectGmailUnitsPerMinute must be a whole number");
    assertThat(sim.admin().quota()).isEqualTo(QuotaSettings.defaults());
  }

  @Test
  void theStatsJsonCountsRefusalsPerApiAndBudget() throws Exception {
    post("sim/accounts", "{\"email\":\"erin@acme.test\",\"recentMessages\":3}", 201);
    String token =
        post("sim/accounts/erin@acme.test/tokens", "{}", 200).get("access_token").asString();
    post("sim/quota", "{\"projectGmailUnitsPerMinute\":6,\"burstSeconds\":10}", 200);
    get("gmail/v1/users/me/profile", token);
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "gmail/v1/users/me/profile"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode stats = Json.MAPPER.readTree(get("sim/stats", null));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(stats.at("/quotaErrorsByApi/gmail/project").asLong()).isEqualTo(1);
    assertThat(stats.at("/quotaErrorsByApi/gmail/user").asLong()).isZero();
    assertThat(stats.at("/quotaErrorsByApi/calendar/project").asLong()).isZero();
    assertThat(stats.at("/quotaErrorsByBudget/project").asLong()).isEqualTo(1);
    assertThat(stats.at("/quotaErrors/erin@acme.test").asLong()).isEqualTo(1);
  }

  @Test
  void unknownAccountsAre404() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "sim/accounts/nobody@acme.test"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private JsonNode post(String path, String json, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return Json.MAPPER.readTree(response.body());
  }

  private void send(String method, String path, String json, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }

  private String get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
