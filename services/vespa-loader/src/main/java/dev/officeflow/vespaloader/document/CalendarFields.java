package dev.officeflow.vespaloader.document;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;

/**
 * The {@code calendar_event} document: summary as title, description as content, times and people.
 * The provider reports no creation time, so {@code created_at} stays unset.
 */
final class CalendarFields {

  private CalendarFields() {}

  static void add(CalendarEvent event, CalendarEntry entry, Fields fields) {
    fields
        .put("title", entry.title())
        .put("content", entry.description())
        .put("calendar_id", event.calendarId())
        .millis("start_time", entry.startTime())
        .millis("end_time", entry.endTime())
        .put("all_day", entry.allDay())
        .put("location", entry.location())
        .address("organizer", entry.organizer())
        .addresses("attendees", entry.attendees())
        .put("status", entry.status())
        .put("recurrence", entry.recurrence() == null ? null : entry.recurrence().lines());
  }
}
