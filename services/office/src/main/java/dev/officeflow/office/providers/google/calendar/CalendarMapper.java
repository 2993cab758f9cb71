package dev.officeflow.office.providers.google.calendar;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttachment;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.Recurrence;
import dev.officeflow.office.providers.google.gmail.EmailMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Calendar v3 {@code Event} as a {@link CalendarEntry}. All-day events ({@code date} instead of
 * {@code dateTime}) start and end at midnight in the calendar's time zone; attendees keep their
 * names and response status in {@code attendee_details}.
 */
public final class CalendarMapper {

  private CalendarMapper() {}

  /** The entry, or empty when the event has no id or no start (nothing to place in time). */
  public static Optional<CalendarEntry> map(Event event, String calendarId, ZoneId zone) {
    Optional<Instant> start = instant(event.getStart(), zone);
    if (event.getId() == null || start.isEmpty()) {
      return Optional.empty();
    }
    Instant end =
        instant(event.getEnd(), zone).filter(e -> !e.isBefore(start.get())).orElse(start.get());
    List<CalendarEntry.Attendee> attendees = attendees(event);
    return Optional.of(
        new CalendarEntry(
            EmailMapper.PROVIDER + "_" + event.getId(),
            event.getSummary(),
            event.getDescription(),
            start.get(),
            end,
            event.getStart().getDate() != null,
            event.getLocation(),
            event.getOrganizer() == null ? null : lower(event.getOrganizer().getEmail()),
            attendees.stream().map(CalendarEntry.Attendee::email).toList(),
            event.getStatus(),
            event.getVisibility(),
            EmailMapper.PROVIDER,
            event.getId(),
            calendarId,
            event.getRecurrence() == null || event.getRecurrence().isEmpty()
                ? null
                : Recurrence.fromLines(event.getRecurrence()),
            reminders(event),
            attachments(event),
            event.getColorId(),
            event.getHtmlLink(),
            attendees));
  }

  /** When the event last changed at the provider: {@code updated}, else {@code created}. */
  public static Optional<Instant> lastUpdated(Event event) {
    DateTime changed = event.getUpdated() != null ? event.getUpdated() : event.getCreated();
    return Optional.ofNullable(changed).map(d -> Instant.ofEpochMilli(d.getValue()));
  }

  private static Optional<Instant> instant(@Nullable EventDateTime time, ZoneId zone) {
    if (time == null) {
      return Optional.empty();
    }
    if (time.getDateTime() != null) {
      return Optional.of(Instant.ofEpochMilli(time.getDateTime().getValue()));
    }
    if (time.getDate() != null) {
      LocalDate day = LocalDate.parse(time.getDate().toStringRfc3339().substring(0, 10));
      return Optional.of(day.atStartOfDay(zone).toInstant());
    }
    return Optional.empty();
  }

  private static List<CalendarEntry.Attendee> attendees(Event event) {
    if (event.getAttendees() == null) {
      return List.of();
    }
    return event.getAttendees().stream()
        .filter(a -> a.getEmail() != null && !a.getEmail().isBlank())
        .map(CalendarMapper::attendee)
        .toList();
  }

  private static CalendarEntry.Attendee attendee(EventAttendee a) {
    return new CalendarEntry.Attendee(
        Objects.requireNonNull(lower(a.getEmail())),
        a.getDisplayName(),
        a.getResponseStatus(),
        Boolean.TRUE.equals(a.getOrganizer()),
        Boolean.TRUE.equals(a.getOptional()));
  }

  /** The event's own reminders, {@code {"method", "minutes"}}, as Google's overrides give them. */
  private static List<Map<String, @Nullable Object>> reminders(Event event) {
    if (event.getReminders() == null || event.getReminders().getOverrides() == null) {
      return List.of();
    }
    return event.getReminders().getOverrides().stream()
        .filter(r -> r.getMinutes() != null)
        .map(CalendarMapper::reminder)
        .toList();
  }

  private static Map<String, @Nullable Object> reminder(EventReminder reminder) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("method", reminder.getMethod());
    out.put("minutes", reminder.getMinutes());
    return out;
  }

  /** Attachments with what Google says of them; one without a file URL is no attachment. */
  private static List<Map<String, @Nullable Object>> attachments(Event event) {
    if (event.getAttachments() == null) {
      return List.of();
    }
    return event.getAttachments().stream()
        .filter(a -> a.getFileUrl() != null)
        .map(CalendarMapper::attachment)
        .toList();
  }

  private static Map<String, @Nullable Object> attachment(EventAttachment attachment) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("file_url", attachment.getFileUrl());
    out.put("title", attachment.getTitle());
    out.put("mime_type", attachment.getMimeType());
    out.put("file_id", attachment.getFileId());
    out.put("icon_link", attachment.getIconLink());
    return out;
  }

  private static @Nullable String lower(@Nullable String address) {
    return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
  }
}
