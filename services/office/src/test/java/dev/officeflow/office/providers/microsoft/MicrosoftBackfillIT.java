package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.ContactItem;
import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.TokenSet;
import dev.officeflow.office.normalize.EncodedWords;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft backfills of generated mailboxes against graph-sim (Graph v1.0 through the official
 * SDK), the emulator, Redis and PostgreSQL: what arrives is compared with graph-sim's own content
 * (its accounts' messages, events and contacts), not with any Graph answer. One mailbox of 2,000
 * in-window messages (plus older ones), 300 events and 200 contacts is backfilled before the tests;
 * the other tests each backfill an account of their own.
 */
@IntegrationTest
class MicrosoftBackfillIT {

  private static final String FULL = "ana.full@contoso.test";
  private static final String NO_CALENDAR = "bo.nocal@contoso.test";
  private static final String REVOKED = "cy.revoked@contoso.test";
  private static final String FAULTY = "dee.faulty@contoso.test";
  private static final Duration LONG = Duration.ofSeconds(120);
  private static final EventCodec CODEC = new EventCodec();

  private static GraphSim sim;
  private static OfficeInstance office;
  private static PublishedEvents published;
  private static EmulatorPubSub pubsub;
  private static EmulatorPubSub.Collector contacts;
  private static JsonNode fullJob;

  @BeforeAll
  static void backfillTheFullMailbox() {
    sim =
        GraphSim.start(
            GraphSimConfig.defaults()
                .withPort(0)
                .withAccount(
                    AccountSpec.of(FULL).withMailbox(31, 2000, 200, 300, 30).withContacts(200))
                .withAccount(
                    AccountSpec.of(NO_CALENDAR)
                        .withMailbox(32, 60, 10, 20, 2)
                        .withoutScope("Calendars.Read"))
                .withAccount(AccountSpec.of(REVOKED).withMailbox(33, 30, 5, 10, 1))
                .withAccount(
                    AccountSpec.of(FAULTY).withMailbox(34, 300, 30, 40, 4).withContacts(30)));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties = MicrosoftOffice.properties(prefix, sim);
    // Small pages: more Graph calls per mailbox, so the fault test's draws hit some of them.
    properties.put("officeflow.office.microsoft.mail-page-size", "25");
    properties.put("officeflow.office.microsoft.calendar-page-size", "20");
    properties.put("officeflow.office.microsoft.contacts-page-size", "20");
    properties.putAll(configuredGrant(REVOKED, revokedGrant()));
    published = new PublishedEvents(prefix);
    pubsub = new EmulatorPubSub();
    contacts = pubsub.collect(prefix + "vespa-loader-contacts");
    office = OfficeInstance.start(properties);
    fullJob = Jobs.await(office, id(Jobs.start(office, FULL, "microsoft")), "completed", LONG);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    contacts.close();
    pubsub.close();
    published.close();
    sim.close();
  }

  @Test
  void everyInWindowMessageOfInboxAndSentItemsArrivesOnce() {
    Map<String, MailItem> expected = messages(FULL, fullJob);
    assertThat(expected).hasSize(2000);

    List<EmailEvent> emails = settled(() -> published.emailsOf(id(fullJob)), expected.size());

    assertThat(emails).extracting(e -> e.email().providerMessageId()).doesNotHaveDuplicates();
    assertThat(emails)
        .extracting(e -> e.email().providerMessageId())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void emailsCarryGraphsFieldsAndTheDirection() {
    Map<String, MailItem> expected = messages(FULL, fullJob);
    List<EmailEvent> emails = settled(() -> published.emailsOf(id(fullJob)), expected.size());

    for (EmailEvent event : emails) {
      MailItem m = expected.get(event.email().providerMessageId());
      boolean sent = m.folder().wellKnownName().equals("sentitems");
      assertThat(event.provider()).isEqualTo("microsoft");
      assertThat(event.syncType()).isEqualTo(SyncType.BATCH_SYNC);
      assertThat(event.operation()).isEqualTo(Operation.CREATE);
      assertThat(event.metadata().tags()).containsEntry("account", FULL);
      assertThat(event.metadata().tags().get("direction")).isEqualTo(sent ? "outbound" : "inbound");
      assertThat(event.email().id()).isEqualTo("microsoft_" + m.id());
      assertThat(event.email().threadId()).isEqualTo(m.conversationId());
      assertThat(event.email().subject()).isEqualTo(m.subject());
      assertThat(event.email().receivedDate())
          .isEqualTo(m.receivedDateTime().truncatedTo(ChronoUnit.SECONDS));
      assertThat(event.email().labels()).isEqualTo(m.categories());
      assertThat(event.email().isRead()).isEqualTo(m.isRead());
      assertThat(event.email().isStarred()).isEqualTo(m.flagged());
      assertThat(event.email().hasAttachments()).isEqualTo(m.hasAttachments());
      assertThat(event.email().fromAddress()).isEqualTo(lower(m.from().address()));
      assertThat(event.email().toAddresses())
          .containsExactlyElementsOf(
              m.toRecipients().stream().map(r -> lower(r.address())).distinct().toList());
    }
  }

  @Test
  void senderNamesBecomeDisplayNames() {
    Map<String, MailItem> expected = messages(FULL, fullJob);
    List<EmailEvent> emails = settled(() -> published.emailsOf(id(fullJob)), expected.size());

    long named = 0;
    for (EmailEvent event : emails) {
      MailItem m = expected.get(event.email().providerMessageId());
      String name = m.from().name();
      if (!name.isEmpty() && !name.equalsIgnoreCase(m.from().address())) {
        named++;
        // graph-sim writes the generator's RFC 2047 words as they are; the office decodes them.
        assertThat(event.email().displayNames())
            .containsEntry(lower(m.from().address()), EncodedWords.decode(name));
      }
    }
    assertThat(named).as("messages whose sender has a name").isPositive();
  }

  @Test
  void everyEventOccurrenceInTheWindowArrivesOnceWithItsAttendees() {
    List<CalendarEvent> events =
        settled(() -> published.calendarsOf(id(fullJob)), expectedEventCount(FULL, fullJob));

    assertThat(events).extracting(e -> e.event().providerEventId()).doesNotHaveDuplicates();
    Map<String, CalendarEvent> byId =
        events.stream()
            .collect(Collectors.toMap(e -> e.event().providerEventId(), Function.identity()));
    int singles = 0;
    for (EventItem item : liveEvents(FULL)) {
      EventRecord r = item.record();
      if (r.isRecurring() || r.isCancelled() || !overlaps(r, fullJob)) {
        continue;
      }
      singles++;
      CalendarEvent event = byId.get(item.id());
      assertThat(event).as("event %s", item.id()).isNotNull();
      assertThat(event.calendarId()).isEqualTo("primary");
      assertThat(event.event().title()).isEqualTo(r.summary());
      assertThat(event.event().allDay()).isEqualTo(r.start().isAllDay());
      if (!r.start().isAllDay()) {
        assertThat(event.event().startTime()).isEqualTo(r.start().instant());
      }
      assertThat(event.event().attendeeDetails())
          .extracting(CalendarEntry.Attendee::email, CalendarEntry.Attendee::responseStatus)
          .containsExactlyElementsOf(
              r.attendees().stream()
                  .filter(a -> !a.email().equalsIgnoreCase(r.organizer().email()))
                  .map(a -> Tuple.tuple(lower(a.email()), a.responseStatus()))
                  .toList());
    }
    assertThat(singles).isPositive();
  }

  @Test
  void everyContactArrivesOnceWithItsNamesAndAddresses() {
    Map<String, ContactItem> expected =
        sim.admin().account(FULL).contacts().snapshot().live().stream()
            .collect(Collectors.toMap(ContactItem::id, Function.identity()));
    assertThat(expected).hasSize(200);

    List<ContactEvent> arrived = settledContacts(id(fullJob), expected.size());

    assertThat(arrived).extracting(e -> e.contact().providerContactId()).doesNotHaveDuplicates();
    for (ContactEvent event : arrived) {
      ContactItem c = expected.get(event.contact().providerContactId());
      assertThat(c).isNotNull();
      assertThat(event.provider()).isEqualTo("microsoft");
      assertThat(event.contact().id()).isEqualTo("microsoft_" + c.id());
      assertThat(event.contact().emailAddresses())
          .containsExactlyElementsOf(
              c.person().emails().stream().map(PersonRecord.Email::value).toList());
      if (!c.person().displayName().isEmpty()) {
        assertThat(event.contact().displayName()).isEqualTo(c.person().displayName());
      }
    }
  }

  @Test
  void theFinishedJobCountsEveryItemAndStayedWithinTheMailboxBudget() {
    long items =
        messages(FULL, fullJob).size()
            + expectedEventCount(FULL, fullJob)
            + sim.admin().account(FULL).contacts().liveCount();

    assertThat(fullJob.path("progress").path("published").asLong()).isEqualTo(items);
    assertThat(fullJob.path("progress").path("percent").asInt()).isEqualTo(100);
    assertThat(fullJob.path("checkpoint").path("phase").asString()).isEqualTo("done");
    assertThat(sim.admin().stats().totalThrottled()).isZero();
  }

  @Test
  void missingCalendarsReadCompletesWithMailOnlyAndRecordsTheSkip() {
    JsonNode job =
        Jobs.await(office, id(Jobs.start(office, NO_CALENDAR, "microsoft")), "completed", LONG);

    List<EmailEvent> emails =
        settled(() -> published.emailsOf(id(job)), messages(NO_CALENDAR, job).size());

    assertThat(emails).hasSize(60);
    assertThat(published.calendarsOf(id(job))).isEmpty();
    assertThat(job.path("skipped_sources").path("calendar").asString()).contains("missing scope");
  }

  @Test
  void revokedConsentFailsTheJobWithTheIdentityPlatformsReason() {
    JsonNode job = Jobs.await(office, id(Jobs.start(office, REVOKED, "microsoft")), "failed", LONG);

    assertThat(job.path("error").asString())
        .contains("refreshing the token failed")
        .contains("invalid_grant")
        .contains("AADSTS65001");
    assertThat(job.path("progress").path("published").asLong()).isZero();
  }

  @Test
  void injectedServerErrorsAndThrottlingStillPublishEveryItemOnce() {
    sim.admin()
        .setFaults(
            FaultSettings.none()
                .withErrorRate(0.3, List.of(500, 503, 429))
                .withRetryAfter(Duration.ofSeconds(1)));
    JsonNode job;
    try {
      job = Jobs.await(office, id(Jobs.start(office, FAULTY, "microsoft")), "completed", LONG);
    } finally {
      sim.admin().setFaults(FaultSettings.none());
    }
    Map<String, MailItem> expected = messages(FAULTY, job);

    List<EmailEvent> emails = settled(() -> published.emailsOf(id(job)), expected.size());

    assertThat(sim.admin().stats().faultsInjected()).isPositive();
    // Every 429 and 503 came back to the office's own retries (the SDK's are left out): each one
    // was counted as a refusal of the mailbox's Outlook budget.
    long rateRefusals = sim.admin().stats().status(429) + sim.admin().stats().status(503);
    assertThat(rateRefusals).isPositive();
    assertThat((long) outlookRefusals()).isEqualTo(rateRefusals);
    assertThat(emails)
        .extracting(e -> e.email().providerMessageId())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(settled(() -> published.calendarsOf(id(job)), expectedEventCount(FAULTY, job)))
        .extracting(e -> e.event().providerEventId())
        .doesNotHaveDuplicates();
    assertThat(settledContacts(id(job), 30)).hasSize(30);
  }

  private static double outlookRefusals() {
    Counter counter =
        office
            .bean(MeterRegistry.class)
            .find("officeflow.office.quota.refusals")
            .tags("api", "outlook", "budget", "user")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** graph-sim's live messages received since the job's window start. */
  private static Map<String, MailItem> messages(String email, JsonNode job) {
    Instant after = Jobs.instant(job, "email_after");
    return sim.admin().account(email).messages().snapshot().live().stream()
        .filter(m -> !m.receivedDateTime().truncatedTo(ChronoUnit.SECONDS).isBefore(after))
        .collect(Collectors.toMap(MailItem::id, Function.identity()));
  }

  private static List<EventItem> liveEvents(String email) {
    return sim.admin().account(email).events().snapshot().live();
  }

  /**
   * The occurrences graph-sim's calendar view holds for the job's window, from its own events:
   * single events and each occurrence of a series that overlap it, cancelled ones left out.
   */
  private static int expectedEventCount(String email, JsonNode job) {
    Instant to = Jobs.instant(job, "calendar_to");
    return (int)
        liveEvents(email).stream()
            .map(EventItem::record)
            .filter(r -> !r.isCancelled())
            .flatMap(r -> (r.isRecurring() ? Recurrence.instances(r, to) : List.of(r)).stream())
            .filter(r -> overlaps(r, job))
            .count();
  }

  private static boolean overlaps(EventRecord r, JsonNode job) {
    return r.end().instant().isAfter(Jobs.instant(job, "calendar_from"))
        && r.start().instant().isBefore(Jobs.instant(job, "calendar_to"));
  }

  private static List<ContactEvent> settledContacts(String jobId, int count) {
    Supplier<List<ContactEvent>> of =
        () ->
            contacts.messages().stream()
                .map(m -> (ContactEvent) CODEC.decode(m.getData().toByteArray(), EventType.CONTACT))
                .filter(e -> jobId.equals(e.batchId()))
                .toList();
    return settled(of, count);
  }

  /** The events once exactly {@code count} have arrived and no more arrive for a second. */
  private static <T> List<T> settled(Supplier<List<T>> events, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .during(Duration.ofSeconds(1))
        .until(() -> events.get().size() == count);
    return events.get();
  }

  private static String id(JsonNode job) {
    return job.path("job_id").asString();
  }

  private static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> configuredGrant(String user, TokenSet grant) {
    String base = "officeflow.office.tokens.users[" + user + "].";
    return Map.of(
        base + "provider", "microsoft",
        base + "account", user,
        base + "access-token", grant.accessToken(),
        base + "refresh-token", grant.refreshToken(),
        base + "scopes", String.join(",", grant.scopes()));
  }

  /** A grant to the office's app whose consent the user has since withdrawn. */
  private static TokenSet revokedGrant() {
    TokenSet grant =
        sim.admin()
            .issueTokens(
                REVOKED,
                OfficeProperties.MICROSOFT_CLIENT,
                sim.admin().account(REVOKED).spec().grantedScopes());
    assertThat(sim.admin().revokeConsent(REVOKED)).isPositive();
    return grant;
  }
}
