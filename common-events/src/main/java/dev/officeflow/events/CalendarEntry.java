package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A calendar event, typed as the reference's {@code CalendarEventData}: {@code title} and {@code
 * organizer} are always text (empty when unknown), {@code status} defaults to {@code confirmed} and
 * {@code visibility} to {@code default}; {@code recurrence} is an object of RFC 5545 lines ({@link
 * Recurrence}, null for a single event), {@code reminders} and {@code attachments} are lists of
 * objects as the provider describes them (officeflow writes {@code {"method", "minutes"}} and
 * {@code {"file_url", "title", "mime_type", "file_id", "icon_link"}}). {@code organizer} and {@code
 * attendees} are bare addresses, as the reference services write them; {@code attendee_details}
 * (officeflow extension) adds names and responses. {@code description} is null beside a payload
 * pointer and in {@code metadata_only} mode.
 */
public record CalendarEntry(
    String id,
    String title,
    @Nullable String description,
    Instant startTime,
    Instant endTime,
    boolean allDay,
    @Nullable String location,
    String organizer,
    List<String> attendees,
    String status,
    String visibility,
    String provider,
    String providerEventId,
    String calendarId,
    @JsonDeserialize(using = LenientShapes.Recurrences.class) @Nullable Recurrence recurrence,
    @JsonDeserialize(using = LenientShapes.Reminders.class)
        List<Map<String, @Nullable Object>> reminders,
    @JsonDeserialize(using = LenientShapes.Attachments.class)
        List<Map<String, @Nullable Object>> attachments,
    @Nullable String colorId,
    @Nullable String htmlLink,
    List<Attendee> attendeeDetails) {

  public CalendarEntry {
    Check.required(id, "id");
    title = Check.text(title);
    Check.timestamp(startTime, "start_time");
    Check.timestamp(endTime, "end_time");
    if (endTime.isBefore(startTime)) {
      throw new EventValidationException("end_time", "before start_time");
    }
    organizer = Check.text(organizer);
    attendees = Check.list(attendees, "attendees");
    status = Check.orDefault(status, "confirmed");
    visibility = Check.orDefault(visibility, "default");
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(providerEventId, "provider_event_id");
    Check.required(calendarId, "calendar_id");
    reminders = Check.objects(reminders, "reminders");
    attachments = Check.objects(attachments, "attachments");
    attendeeDetails = Check.list(attendeeDetails, "attendee_details");
  }

  /** The same event without its description: {@code metadata_only}, or beside a pointer. */
  public CalendarEntry withoutDescription() {
    return new CalendarEntry(
        id,
        title,
        null,
        startTime,
        endTime,
        allDay,
        location,
        organizer,
        attendees,
        status,
        visibility,
        provider,
        providerEventId,
        calendarId,
        recurrence,
        reminders,
        attachments,
        colorId,
        htmlLink,
        attendeeDetails);
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
