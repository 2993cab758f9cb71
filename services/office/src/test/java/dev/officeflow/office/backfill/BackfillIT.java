package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.faults.FaultSettings;
import dev.officeflow.googlesim.oauth.TokenGrant;
import dev.officeflow.office.testing.ExpectedItems;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.mailbox.Header;
import dev.officeflow.simkit.mailbox.MailMessage;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Backfills of generated accounts against google-sim, the emulator, Redis and PostgreSQL. One
 * account of 2,000 in-window messages (plus older ones) and 300 events is backfilled once before
 * the tests; the other tests each backfill an account of their own.
 */
@IntegrationTest
class BackfillIT {

  private static final String FULL = "ana.full@acme.test";
  private static final String NO_CALENDAR = "bo.nocal@acme.test";
  private static final String REVOKED = "cy.revoked@acme.test";
  private static final String FAULTY = "dee.faulty@acme.test";
  private static final String EXPIRED = "eve.expired@acme.test";
  private static final String METADATA_ONLY = "flo.metadata@acme.test";
  private static final Duration LONG = Duration.ofSeconds(120);
  private static final Pattern ANGLE = Pattern.compile("<([^>]+)>");

  private static GoogleSim sim;
  private static OfficeInstance office;
  private static PublishedEvents published;
  private static JsonNode fullJob;

  @BeforeAll
  static void backfillTheFullAccount() throws Exception {
    sim =
        TestSims.start(
            TestSims.fastQuota(),
            TestSims.account(FULL, 11, 2000, 200, 300),
            TestSims.withoutCalendar(TestSims.account(NO_CALENDAR, 12, 60, 10, 20)),
            TestSims.account(REVOKED, 13, 30, 5, 10),
            TestSims.account(FAULTY, 14, 300, 30, 40),
            TestSims.account(EXPIRED, 15, 30, 5, 10),
            TestSims.account(METADATA_ONLY, 16, 120, 150, 10));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties =
        new java.util.HashMap<>(
            OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    properties.putAll(configuredGrant(REVOKED, revokedGrant()));
    properties.putAll(configuredGrant(EXPIRED, expiredGrant()));
    properties.putAll(
        configuredGrant(
            METADATA_ONLY,
            sim.admin()
                .issueTokens(
                    METADATA_ONLY, Set.of(TestSims.GMAIL_METADATA, TestSims.CALENDAR_READONLY))));
    published = new PublishedEvents(prefix);
    office = OfficeInstance.start(properties);
    String id = Jobs.start(office, FULL).path("job_id").asString();
    fullJob = Jobs.await(office, id, "completed", LONG);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    published.close();
    sim.close();
  }

  @Test
  void backfillPublishesEachInWindowMessageExactlyOnce() {
    Set<String> expected = expectedMessages(FULL, fullJob).keySet();
    assertThat(expected).hasSize(2000);

    List<EmailEvent> emails = settled(() -> published.emailsOf(id(fullJob)), expected.size());

    assertThat(emails).extracting(e -> e.email().providerMessageId()).doesNotHaveDuplicates();
    assertThat(PublishedEvents.keys(emails)).isEqualTo(ExpectedItems.keys(FULL, expected));
  }

  @Test
  void backfillPublishesEachInWindowEventOccurrenceExactlyOnce() {
    Set<String> expected = expectedEvents(FULL, fullJob).keySet();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(250);

    List<CalendarEvent> events = settled(() -> published.calendarsOf(id(fullJob)), expected.size());

    assertThat(events).extracting(e -> e.event().providerEventId()).doesNotHaveDuplicates();
    assertThat(PublishedEvents.keys(events)).isEqualTo(ExpectedItems.keys(FULL, expected));
  }

  @Test
  void emailEventsCarryTheMessageAndTheJob() {
    Map<String, MailMessage> expected = expectedMessages(FULL, fullJob);
    List<EmailEvent> emails = settled(() -> published.emailsOf(id(fullJob)), expected.size());

    for (EmailEvent event : emails) {
      MailMessage message = expected.get(event.email().providerMessageId());
      assertThat(event.syncType()).isEqualTo(SyncType.BATCH_SYNC);
      assertThat(event.operation()).isEqualTo(Operation.CREATE);
      assertThat(event.metadata().correlationId()).isEqualTo(id(fullJob));
      assertThat(event.metadata().tags()).containsEntry("account", FULL);
      assertThat(event.email().threadId()).isEqualTo(message.threadId());
      assertThat(event.email().receivedDate()).isEqualTo(message.internalDate());
      assertThat(event.email().labels()).isEqualTo(message.labelIds());
      assertThat(event.email().subject()).isEqualTo(header(message, "Subject"));
      assertThat(event.email().fromAddress()).isEqualTo(address(header(message, "From")));
      assertThat(event.metadata().tags().get("direction"))
          .isEqualTo(message.labelIds().contains("SENT") ? "outbound" : "inbound");
    }
  }

  @Test
  void displayNamesAreDecodedEvenWhereGmailLeavesThemEncoded() {
    Map<String, MailMessage> expected = expectedMessages(FULL, fullJob);
    List<EmailEvent> emails = settled(() -> published.emailsOf(id(fullJob)), expected.size());
    List<String> names =
        emails.stream().flatMap(e -> e.email().displayNames().values().stream()).toList();
    long leftEncoded =
        expected.values().stream().filter(m -> header(m, "From").contains("\"=?")).count();

    assertThat(leftEncoded).as("messages whose From Gmail shows encoded").isPositive();
    assertThat(names).noneMatch(n -> n.contains("=?"));
    assertThat(names).anyMatch(n -> n.chars().anyMatch(c -> c > 127));
  }

  @Test
  void calendarEventsCarryAttendeesWithTheirResponses() {
    Map<String, EventRecord> expected = expectedEvents(FULL, fullJob);
    List<CalendarEvent> events = settled(() -> published.calendarsOf(id(fullJob)), expected.size());

    for (CalendarEvent event : events) {
      EventRecord record = expected.get(event.event().providerEventId());
      assertThat(event.calendarId()).isEqualTo("primary");
      assertThat(event.event().allDay()).isEqualTo(record.start().isAllDay());
      assertThat(event.event().attendeeDetails())
          .extracting(CalendarEntry.Attendee::email, CalendarEntry.Attendee::responseStatus)
          .containsExactlyElementsOf(
              record.attendees().stream()
                  .map(
                      a ->
                          org.assertj.core.groups.Tuple.tuple(lower(a.email()), a.responseStatus()))
                  .toList());
      if (!record.start().isAllDay()) {
        assertThat(event.event().startTime()).isEqualTo(record.start().instant());
      }
    }
  }

  @Test
  void finishedJobReportsItsCountsAndFullProgress() {
    int items = expectedMessages(FULL, fullJob).size() + expectedEvents(FULL, fullJob).size();

    JsonNode progress = fullJob.path("progress");

    assertThat(progress.path("published").asLong()).isEqualTo(items);
    assertThat(progress.path("fetched").asLong()).isEqualTo(items);
    assertThat(progress.path("percent").asInt()).isEqualTo(100);
    assertThat(fullJob.path("checkpoint").path("phase").asString()).isEqualTo("done");
  }

  @Test
  void pacingKeepsWithinTheQuota() {
    assertThat(sim.stats().quotaErrors(FULL)).isZero();
  }

  @Test
  void secondJobReadsOnlyWhatTheFirstDidNotCover() {
    String second = id(Jobs.start(office, FULL));
    JsonNode done = Jobs.await(office, second, "completed", LONG);

    List<CalendarEvent> events =
        settled(() -> published.calendarsOf(second), expectedEvents(FULL, fullJob).size());

    // The mail of the first job's window is covered; the calendar is read whole every time.
    assertThat(published.emailsOf(second)).isEmpty();
    assertThat(done.path("progress").path("published").asLong()).isEqualTo(events.size());
    assertThat(PublishedEvents.keys(events))
        .isEqualTo(PublishedEvents.keys(published.calendarsOf(id(fullJob))));
  }

  @Test
  void missingCalendarScopeCompletesWithEmailsOnlyAndRecordsTheSkip() {
    JsonNode job = Jobs.await(office, id(Jobs.start(office, NO_CALENDAR)), "completed", LONG);

    List<EmailEvent> emails =
        settled(() -> published.emailsOf(id(job)), expectedMessages(NO_CALENDAR, job).size());

    assertThat(emails).hasSize(60);
    assertThat(published.calendarsOf(id(job))).isEmpty();
    assertThat(job.path("skipped_sources").path("calendar").asString()).contains("missing scope");
  }

  @Test
  void revokedTokenFailsTheJobWithTheReason() {
    JsonNode job = Jobs.await(office, id(Jobs.start(office, REVOKED)), "failed", LONG);

    assertThat(job.path("error").asString())
        .contains("refreshing the token failed")
        .contains("invalid_grant")
        .contains("Token has been expired or revoked.");
    assertThat(job.path("progress").path("published").asLong()).isZero();
  }

  @Test
  void expiredAccessTokenIsRefreshedAndTheJobCompletes() {
    JsonNode job = Jobs.await(office, id(Jobs.start(office, EXPIRED)), "completed", LONG);

    assertThat(job.path("progress").path("published").asLong())
        .isEqualTo(expectedMessages(EXPIRED, job).size() + expectedEvents(EXPIRED, job).size());
  }

  @Test
  void underTheMetadataScopeTheListingStopsAtTheWindowByDate() {
    JsonNode job = Jobs.await(office, id(Jobs.start(office, METADATA_ONLY)), "completed", LONG);
    Set<String> expected = expectedMessages(METADATA_ONLY, job).keySet();

    List<EmailEvent> emails = settled(() -> published.emailsOf(id(job)), expected.size());

    assertThat(PublishedEvents.keys(emails)).isEqualTo(ExpectedItems.keys(METADATA_ONLY, expected));
    // Without q Gmail lists older mail too: the office reads one batch past the window, not all.
    assertThat(job.path("progress").path("skipped").asLong()).isBetween(1L, 100L);
  }

  @Test
  void injectedServerErrorsStillPublishEveryItemOnce() {
    sim.admin().setFaults(FaultSettings.none().withErrorRate(0.2, List.of(500, 503)));
    JsonNode job;
    try {
      job = Jobs.await(office, id(Jobs.start(office, FAULTY)), "completed", LONG);
    } finally {
      sim.admin().setFaults(FaultSettings.none());
    }
    Set<String> messages = expectedMessages(FAULTY, job).keySet();
    Set<String> events = expectedEvents(FAULTY, job).keySet();

    List<EmailEvent> emails = settled(() -> published.emailsOf(id(job)), messages.size());

    assertThat(sim.stats().faultsInjected()).isPositive();
    assertThat(PublishedEvents.keys(emails)).isEqualTo(ExpectedItems.keys(FAULTY, messages));
    assertThat(PublishedEvents.keys(settled(() -> published.calendarsOf(id(job)), events.size())))
        .isEqualTo(ExpectedItems.keys(FAULTY, events));
  }

  /** The events once exactly {@code count} have arrived and no more arrive for a second. */
  private static <T> List<T> settled(Supplier<List<T>> events, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .during(Duration.ofSeconds(1))
        .until(() -> events.get().size() == count);
    return events.get();
  }

  private static Map<String, MailMessage> expectedMessages(String email, JsonNode job) {
    return ExpectedItems.messages(sim, email, Jobs.instant(job, "email_after"));
  }

  private static Map<String, EventRecord> expectedEvents(String email, JsonNode job) {
    return ExpectedItems.events(
        sim, email, Jobs.instant(job, "calendar_from"), Jobs.instant(job, "calendar_to"));
  }

  private static String id(JsonNode job) {
    return job.path("job_id").asString();
  }

  private static String header(MailMessage message, String name) {
    return message.root().headers().stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The address in a From header as the generator wrote it: inside angle brackets, or all of it.
   */
  private static String address(String from) {
    Matcher m = ANGLE.matcher(from);
    return lower(m.find() ? m.group(1) : from.trim());
  }

  private static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> configuredGrant(String user, TokenGrant grant) {
    String base = "officeflow.office.tokens.users[" + user + "].";
    return Map.of(
        base + "account", user,
        base + "access-token", grant.accessToken(),
        base + "refresh-token", grant.refreshToken(),
        base + "scopes", String.join(",", grant.scopes()));
  }

  /** A grant the user has revoked (at Google's revoke endpoint) before the backfill starts. */
  private static TokenGrant revokedGrant() throws Exception {
    TokenGrant grant = sim.admin().issueTokens(REVOKED);
    HttpRequest revoke =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "revoke?token=" + grant.refreshToken()))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(revoke, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return grant;
  }

  /** A grant whose access token has expired; its refresh token still works. */
  private static TokenGrant expiredGrant() {
    TokenGrant grant = sim.admin().issueTokens(EXPIRED);
    assertThat(sim.admin().expireAccessTokens(EXPIRED)).isPositive();
    return grant;
  }
}
