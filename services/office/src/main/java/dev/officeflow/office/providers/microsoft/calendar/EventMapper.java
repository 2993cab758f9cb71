package dev.officeflow.office.providers.microsoft.calendar;

import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ResponseType;
import com.microsoft.graph.models.Sensitivity;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Graph {@code event} as the same {@link CalendarEntry} Google Calendar's become: times from
 * {@code {dateTime, timeZone}} (all-day events from midnight to midnight of their dates), the
 * organizer's address, attendees with their response in Google's words ({@code accepted}, {@code
 * declined}, {@code tentative}, {@code needsAction}) so consumers read one vocabulary, {@code
 * sensitivity} as visibility, {@code calendar_id} {@code primary} (the calendar view reads the
 * user's default calendar). Outlook leaves the organizer out of {@code attendees}; so does the
 * entry, whose {@code organizer} names them. A cancelled event ({@code isCancelled}) is a delete to
 * whoever streams it; the backfill passes over it, as Google's listing does. A series master's
 * pattern becomes the RFC 5545 rule Google's events carry ({@link RecurrenceRules}).
 */
public final class EventMapper {

  /** The calendar the view reads, named as Google's primary one is. */
  public static final String CALENDAR_ID = "primary";

  private EventMapper() {}

  /** The entry, or empty when the event has no id or no start. */
  public static Optional<CalendarEntry> map(Event e) {
    Optional<Instant> start = instant(e.getStart());
    if (e.getId() == null || start.isEmpty()) {
      return Optional.empty();
    }
    Instant end = instant(e.getEnd()).filter(t -> !t.isBefore(start.get())).orElse(start.get());
    List<CalendarEntry.Attendee> attendees = attendees(e);
    return Optional.of(
        new CalendarEntry(
            MicrosoftScopes.PROVIDER + "_" + e.getId(),
            e.getSubject(),
            e.getBodyPreview(),
            start.get(),
            end,
            Boolean.TRUE.equals(e.getIsAllDay()),
            e.getLocation() == null ? null : blankToNull(e.getLocation().getDisplayName()),
            organizer(e),
            attendees.stream().map(CalendarEntry.Attendee::email).toList(),
            status(e),
            visibility(e.getSensitivity()),
            MicrosoftScopes.PROVIDER,
            e.getId(),
            CALENDAR_ID,
            RecurrenceRules.of(e.getRecurrence()).orElse(null),
            reminders(e),
            List.of(),
            null,
            e.getWebLink(),
            attendees));
  }

  /** True when the organizer cancelled the meeting: a delete, not an item. */
  public static boolean cancelled(Event e) {
    return Boolean.TRUE.equals(e.getIsCancelled());
  }

  /** When the event last changed: {@code lastModifiedDateTime}, else {@code createdDateTime}. */
  public static Optional<Instant> lastUpdated(Event e) {
    OffsetDateTime changed =
        e.getLastModifiedDateTime() != null ? e.getLastModifiedDateTime() : e.getCreatedDateTime();
    return Optional.ofNullable(changed).map(OffsetDateTime::toInstant);
  }

  /** Graph's local date-time in its named zone; a zone Java does not know is read as UTC. */
  public static Optional<Instant> instant(@Nullable DateTimeTimeZone t) {
    if (t == null || t.getDateTime() == null) {
      return Optional.empty();
    }
    try {
      LocalDateTime local = LocalDateTime.parse(t.getDateTime());
      return Optional.of(local.atZone(zone(t.getTimeZone())).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static ZoneId zone(@Nullable String name) {
    if (name == null || name.isBlank() || name.equalsIgnoreCase("UTC")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      // A Windows zone name ("W. Europe Standard Time"): the reader asks for UTC, so this is rare.
      return ZoneOffset.UTC;
    }
  }

  private static String organizer(Event e) {
    if (e.getOrganizer() == null || e.getOrganizer().getEmailAddress() == null) {
      return "";
    }
    String address = e.getOrganizer().getEmailAddress().getAddress();
    return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
  }

  private static List<CalendarEntry.Attendee> attendees(Event e) {
    if (e.getAttendees() == null) {
      return List.of();
    }
    return e.getAttendees().stream()
        .filter(a -> a != null && a.getEmailAddress() != null)
        .filter(a -> a.getEmailAddress().getAddress() != null)
        .filter(a -> !a.getEmailAddress().getAddress().isBlank())
        .map(EventMapper::attendee)
        .toList();
  }

  private static CalendarEntry.Attendee attendee(Attendee a) {
    String address = a.getEmailAddress().getAddress().trim().toLowerCase(Locale.ROOT);
    String name = a.getEmailAddress().getName();
    boolean named = name != null && !name.isBlank() && !name.trim().equalsIgnoreCase(address);
    ResponseType response = a.getStatus() == null ? null : a.getStatus().getResponse();
    return new CalendarEntry.Attendee(
        address,
        named ? name.trim() : null,
        response(response),
        response == ResponseType.Organizer,
        a.getType() == AttendeeType.Optional);
  }

  /** Outlook's answers in Google's words, which the event contract's readers already know. */
  static String response(@Nullable ResponseType response) {
    if (response == null) {
      return "needsAction";
    }
    return switch (response) {
      case Accepted, Organizer -> "accepted";
      case Declined -> "declined";
      case TentativelyAccepted -> "tentative";
      case None, NotResponded -> "needsAction";
    };
  }

  private static String status(Event e) {
    if (cancelled(e)) {
      return "cancelled";
    }
    return e.getShowAs() == FreeBusyStatus.Tentative ? "tentative" : "confirmed";
  }

  private static String visibility(@Nullable Sensitivity s) {
    if (s == null) {
      return "default";
    }
    return switch (s) {
      case Normal -> "default";
      case Personal, Private -> "private";
      case Confidential -> "confidential";
    };
  }

  /** The event's reminder as Google's overrides are written: {@code {"method", "minutes"}}. */
  private static List<Map<String, @Nullable Object>> reminders(Event e) {
    if (!Boolean.TRUE.equals(e.getIsReminderOn()) || e.getReminderMinutesBeforeStart() == null) {
      return List.of();
    }
    Map<String, @Nullable Object> reminder = new LinkedHashMap<>();
    reminder.put("method", "popup");
    reminder.put("minutes", e.getReminderMinutesBeforeStart());
    return List.of(reminder);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
