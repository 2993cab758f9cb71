package dev.officeflow.contacts.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.testing.ContactEventsSeen;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.contacts.testing.OutlookEvents;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user with Google and Microsoft connected (issue 23): Gmail- and Outlook-shaped events of one
 * person make one contact with the counts of both, in one ranked list, without touching another
 * user's; the contact is announced under one provider; each provider's backfill counts for the
 * onboarding status.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneVipListAcrossProvidersIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(2));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BO = "bo.smith@example.org";

  private final HttpClient http = HttpClient.newHttpClient();
  private ContactsApp app;
  private ContactEventsSeen seen;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_two_providers");
    seen = ContactEventsSeen.of(app);
  }

  @AfterAll
  void stop() throws Exception {
    seen.close();
    app.close();
  }

  @Test
  void samePersonInGmailAndOutlookIsOneRankedCandidateWithTheCountsOfBoth() throws Exception {
    String user = newUserId();
    MailEvents gmail = new MailEvents(user, "ana@acme.test");
    OutlookEvents outlook = new OutlookEvents(user, "ana@contoso.test");
    MailEvents other = new MailEvents(newUserId(), "vic@acme.test");
    deliver(EventType.EMAIL, gmailMail(gmail));
    deliver(
        EventType.EMAIL, List.of(other.email("v1", BO, List.of(other.account()), List.of(), T)));
    deliver(EventType.EMAIL, outlookMail(outlook));
    deliver(
        EventType.CALENDAR,
        List.of(
            outlook.meeting(
                OutlookEvents.graphId("e1"),
                outlook.account(),
                List.of(outlook.account(), "Bo.Smith@example.org"),
                T.plusSeconds(7200))));

    List<JsonNode> candidates = candidates(user);

    assertThat(candidates)
        .extracting(c -> c.path("contact_hash").asString())
        .containsExactlyInAnyOrder(
            hash(user, BO), hash(user, "cy@example.net"), hash(user, "dee@fabrikam.test"));
    JsonNode bo = candidates.get(0);
    assertThat(bo.path("contact_hash").asString()).isEqualTo(hash(user, BO));
    assertThat(bo.path("display_name").asString()).isEqualTo("Bo Smith");
    assertThat(bo.path("counts").path("emails_received").asInt()).isEqualTo(5);
    assertThat(bo.path("counts").path("emails_sent").asInt()).isEqualTo(2);
    assertThat(bo.path("counts").path("meetings").asInt()).isEqualTo(1);
    assertThat(bo.path("counts").path("interactions").asInt()).isEqualTo(8);
    List<JsonNode> others = candidates(other.userId());
    assertThat(others).hasSize(1);
    assertThat(others.get(0).path("contact_hash").asString())
        .isEqualTo(hash(other.userId(), BO))
        .isNotEqualTo(hash(user, BO));
    assertThat(others.get(0).path("counts").path("interactions").asInt()).isEqualTo(1);
  }

  @Test
  void aContactSeenInBothIsAnnouncedUnderTheProviderThatFoundItFirst() {
    String user = newUserId();
    MailEvents gmail = new MailEvents(user, "ana@acme.test");
    OutlookEvents outlook = new OutlookEvents(user, "ana@contoso.test");
    deliver(
        EventType.EMAIL, List.of(gmail.email("g1", BO, List.of(gmail.account()), List.of(), T)));
    await().atMost(Duration.ofSeconds(30)).until(() -> !seen.about(user, hash(user, BO)).isEmpty());
    String firstBand = band(seen.about(user, hash(user, BO)).get(0));

    // Enough two-way mail to move Bo to another band: an update, announced from Outlook's mail.
    List<OfficeEvent> more = new ArrayList<>(outlookMail(outlook));
    for (int i = 0; i < 12; i++) {
      Instant t = T.plusSeconds(600 + i);
      more.add(outlook.received(OutlookEvents.graphId("in" + i), BO, "Bo Smith", t));
      more.add(outlook.sent(OutlookEvents.graphId("out" + i), outlook.account(), List.of(BO), t));
    }
    deliver(EventType.EMAIL, more);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                seen.about(user, hash(user, BO)).stream().anyMatch(e -> !band(e).equals(firstBand))
                    && !seen.about(user, hash(user, "dee@fabrikam.test")).isEmpty());
    assertThat(seen.about(user, hash(user, BO)))
        .extracting(ContactEvent::provider)
        .containsOnly("google");
    assertThat(seen.about(user, hash(user, "dee@fabrikam.test")))
        .extracting(ContactEvent::provider)
        .containsOnly("microsoft");
  }

  @Test
  void outlookSentItemFromASendAsAddressCountsAsSentByTheUser() {
    OutlookEvents outlook = new OutlookEvents(newUserId(), "ana@contoso.test");

    deliver(
        EventType.EMAIL,
        List.of(
            outlook.sent(
                OutlookEvents.graphId("s9"), "team@contoso.test", List.of("cy@example.net"), T)));

    assertThat(contactColumn(outlook.userId(), "cy@example.net", "emails_sent_to")).isEqualTo("1");
    assertThat(contacts(outlook.userId())).isEqualTo(1);
  }

  @Test
  void sameItemIdFromGoogleAndMicrosoftIsTwoItems() {
    String user = newUserId();
    MailEvents gmail = new MailEvents(user, "ana@acme.test");
    OutlookEvents outlook = new OutlookEvents(user, "ana@contoso.test");

    deliver(
        EventType.EMAIL, List.of(gmail.email("X1", BO, List.of(gmail.account()), List.of(), T)));
    deliver(EventType.EMAIL, List.of(outlook.received("X1", BO, "Bo", T.plusSeconds(60))));

    assertThat(contactColumn(user, BO, "emails_received")).isEqualTo("2");
  }

  @Test
  void microsoftIntegrationIsRecordedAndItsAccountStopsBeingAContact() {
    String user = newUserId();
    MailEvents gmail = new MailEvents(user, "ana@acme.test");
    OutlookEvents outlook = new OutlookEvents(user, "Ana@Contoso.test");
    deliver(
        EventType.EMAIL,
        List.of(gmail.email("g1", gmail.account(), List.of("ana@contoso.test", BO), List.of(), T)));

    deliver(EventType.INTEGRATION, List.of(outlook.connected()));

    assertThat(
            app.database()
                .column(
                    "SELECT provider || ' ' || status FROM integrations WHERE user_id = ?", user))
        .containsExactly("microsoft active");
    assertThat(app.database().column("SELECT contact_hash FROM contacts WHERE user_id = ?", user))
        .containsExactly(hash(user, BO));
  }

  @Test
  void candidatesStayProvisionalUntilBothProvidersBackfillsCompleted() throws Exception {
    String user = newUserId();
    OutlookEvents outlook = new OutlookEvents(user, "ana@contoso.test");
    Instant t = Instant.now().minus(Duration.ofMinutes(5));
    deliver(
        EventType.PROGRESS,
        List.of(
            outlook.progress("job-ms", 1, ProgressState.RUNNING, 40, t.plusSeconds(10)),
            EventFixtures.progress(
                user, "job-g", 9, ProgressState.COMPLETED, 100, t.plusSeconds(20))));

    JsonNode running = status(user);
    deliver(
        EventType.PROGRESS,
        List.of(outlook.progress("job-ms", 2, ProgressState.COMPLETED, 100, t.plusSeconds(30))));
    JsonNode done = status(user);

    assertThat(running.path("provisional").asBoolean()).isTrue();
    assertThat(running.path("job").path("provider").asString()).isEqualTo("microsoft");
    assertThat(done.path("provisional").asBoolean()).isFalse();
    assertThat(done.path("job").path("job_id").asString()).isEqualTo("job-ms");
  }

  private static List<OfficeEvent> gmailMail(MailEvents gmail) {
    List<OfficeEvent> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(gmail.email("g-in" + i, BO, List.of(gmail.account()), List.of(), T));
    }
    events.add(gmail.email("g-out", gmail.account(), List.of(BO), List.of(), T));
    events.add(gmail.email("g-cy-in", "cy@example.net", List.of(gmail.account()), List.of(), T));
    events.add(gmail.email("g-cy-out", gmail.account(), List.of("cy@example.net"), List.of(), T));
    return events;
  }

  /** Bo as Outlook and older readers spell him: a mailbox with a name, another case. */
  private static List<OfficeEvent> outlookMail(OutlookEvents outlook) {
    Instant t = T.plusSeconds(3600);
    return List.of(
        outlook.received(OutlookEvents.graphId("m1"), "Bo Smith <Bo.Smith@Example.ORG>", null, t),
        outlook.received(OutlookEvents.graphId("m2"), "BO.SMITH@example.org", "Bo Smith", t),
        outlook.sent(
            OutlookEvents.graphId("m3"),
            outlook.account(),
            List.of("\"Bo\" <bo.smith@EXAMPLE.org>"),
            t),
        outlook.received(OutlookEvents.graphId("m4"), "dee@fabrikam.test", "Dee", t),
        outlook.sent(
            OutlookEvents.graphId("m5"), outlook.account(), List.of("dee@fabrikam.test"), t));
  }

  private static String band(ContactEvent event) {
    return event.metadata().tags().getOrDefault("score_band", "");
  }

  private static String newUserId() {
    return "u-" + UUID.randomUUID();
  }

  private void deliver(EventType type, List<? extends OfficeEvent> events) {
    long before = app.handled().acked(type);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(type) >= before + events.size());
  }

  private List<JsonNode> candidates(String userId) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    get("/onboarding/vips?limit=10", userId).path("candidates").forEach(out::add);
    return out;
  }

  private JsonNode status(String userId) throws Exception {
    return get("/onboarding/vips/status", userId);
  }

  private JsonNode get(String path, String userId) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + app.jwks().token(userId))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private long contacts(String userId) {
    return app.database().count("SELECT count(*) FROM contacts WHERE user_id = ?", userId);
  }

  private String contactColumn(String userId, String address, String column) {
    return app.database()
        .column(
            "SELECT " + column + " FROM contacts WHERE user_id = ? AND contact_hash = ?",
            userId,
            hash(userId, address))
        .get(0);
  }

  private String hash(String userId, String address) {
    return app.context()
        .getBean(ContactHasher.class)
        .hash(userId, Addresses.normalize(address).orElseThrow());
  }
}
