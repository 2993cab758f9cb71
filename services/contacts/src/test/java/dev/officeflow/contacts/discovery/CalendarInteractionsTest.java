package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Recurrence;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarInteractionsTest {

  private final ContactHasher hasher = new ContactHasher("k", 1);
  private final CalendarInteractions interactions = new CalendarInteractions(hasher);
  private final MailEvents user = new MailEvents("u1", "ana@acme.test");
  private final Set<String> own =
      Set.of(hasher.hash(user.userId(), Addresses.normalize("ana@acme.test").orElseThrow()));

  /** Monday 2 November 2026, 10:00 in Berlin. */
  private final Instant first = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void anExdateRemovesThatOccurrenceFromTheInteractions() {
    CalendarEvent weekly =
        series("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3", "EXDATE;TZID=Europe/Berlin:20261109T100000");

    ItemChange change = interactions.change(weekly, own);

    assertThat(change.interactions())
        .extracting(Interaction::occurredAt)
        .containsExactly(first, Instant.parse("2026-11-16T09:00:00Z"));
    assertThat(change.interactions())
        .extracting(Interaction::sourceId)
        .containsExactly("w1_" + first.getEpochSecond(), "w1_1794819600");
  }

  /** A weekly 1:1 Ana organises with Bo, read well after its last occurrence. */
  private CalendarEvent series(String... lines) {
    CalendarEvent single =
        user.meeting("w1", "ana@acme.test", List.of("ana@acme.test", "bo@x.test"), first);
    CalendarEntry e = single.event();
    CalendarEntry entry =
        new CalendarEntry(
            e.id(),
            e.title(),
            e.description(),
            e.startTime(),
            e.endTime(),
            e.allDay(),
            e.location(),
            e.organizer(),
            e.attendees(),
            e.status(),
            e.visibility(),
            e.provider(),
            e.providerEventId(),
            e.calendarId(),
            Recurrence.fromLines(List.of(lines)),
            e.reminders(),
            e.attachments(),
            e.colorId(),
            e.htmlLink(),
            e.attendeeDetails());
    return new CalendarEvent(
        single.metadata(),
        single.userId(),
        single.operation(),
        single.batchId(),
        single.lastUpdated(),
        Instant.parse("2026-12-01T00:00:00Z"),
        single.provider(),
        single.syncType(),
        entry,
        null,
        single.calendarId());
  }
}
