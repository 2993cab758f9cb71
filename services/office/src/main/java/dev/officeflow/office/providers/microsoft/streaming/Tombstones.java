package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.Contact;
import dev.officeflow.events.Email;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a removed item still is when delta reports it ({@code @removed}, only its id): its ids and
 * the time of the read, which stands in for the dates it no longer has and is newer than any
 * version before, nothing that could be searched. Shaped as Google's deletes are.
 */
final class Tombstones {

  /** The group Outlook contacts are in, as the backfill's contacts carry it. */
  private static final String CONTACTS_GROUP = "myContacts";

  /** The calendar Outlook events are in, as the backfill's events carry it. */
  static final String CALENDAR_ID = "primary";

  private Tombstones() {}

  static Email email(String provider, String id, Instant now) {
    return new Email(
        provider + "_" + id,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        now,
        null,
        List.of(),
        false,
        false,
        false,
        provider,
        id,
        null,
        null,
        Map.of(),
        Map.of());
  }

  static CalendarEntry event(String provider, String id, Instant now) {
    return new CalendarEntry(
        provider + "_" + id,
        null,
        null,
        now,
        now,
        false,
        null,
        null,
        List.of(),
        "cancelled",
        null,
        provider,
        id,
        CALENDAR_ID,
        null,
        List.of(),
        List.of(),
        null,
        null,
        List.of());
  }

  static Contact contact(String provider, String id, Instant now) {
    return new Contact(
        provider + "_" + id,
        "",
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        provider,
        id,
        List.of(),
        List.of(CONTACTS_GROUP),
        List.of(),
        now);
  }
}
