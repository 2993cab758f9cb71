package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A calendar event. {@code organizer} and {@code attendees} are bare addresses, as the reference
 * services write them; {@code attendee_details} (officeflow extension) adds names and responses.
 */
public record CalendarEntry(
    String id,
    @Nullable String title,
    @Nullable String description,
    Instant startTime,
    Instant endTime,
    boolean allDay,
    @Nullable String location,
    @Nullable String organizer,
    List<String> attendees,
    @Nullable String status,
    @Nullable String visibility,
    String provider,
    String providerEventId,
    String calendarId,
    List<String> recurrence,
    List<Integer> reminders,
    List<String> attachments,
    @Nullable String colorId,
    @Nullable String htmlLink,
    List<Attendee> attendeeDetails) {

  public CalendarEntry {
    Check.required(id, "id");
    Check.timestamp(startTime, "start_time");
    Check.timestamp(endTime, "end_time");
    if (endTime.isBefore(startTime)) {
      throw new EventValidationException("end_time", "before start_time");
    }
    attendees = Check.list(attendees, "attendees");
    Check.required(provider, "provider");
    Check.required(providerEventId, "provider_event_id");
    Check.required(calendarId, "calendar_id");
    recurrence = Check.list(recurrence, "recurrence");
    reminders = Check.list(reminders, "reminders");
    attachments = Check.list(attachments, "attachments");
    attendeeDetails = Check.list(attendeeDetails, "attendee_details");
  }

  /** True when the provider reports the event as cancelled. */
  public boolean cancelled() {
    return "cancelled".equals(status);
  }

  /** One attendee with what the provider knows of them. */
  public record Attendee(
      String email,
      @Nullable String displayName,
      @Nullable String responseStatus,
      boolean organizer,
      boolean optional) {

    public Attendee {
      Check.required(email, "email");
    }
  }
}
