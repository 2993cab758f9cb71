package dev.officeflow.simkit.calendar;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One calendar event (a single event, a recurring series, or an exception of one), in no provider's
 * shape: google-sim renders it as a Calendar v3 event, graph-sim as an Outlook event.
 *
 * @param status confirmed, tentative or cancelled
 * @param recurrence RRULE/EXDATE lines for a series, empty otherwise
 * @param recurringEventId the series id for an instance or exception, else null
 * @param reminderOverrides null means {@code useDefault: true}
 * @param visibility default, public, private or confidential
 */
public record EventRecord(
    String id,
    String status,
    String summary,
    String description,
    String location,
    @Nullable String colorId,
    Person creator,
    Person organizer,
    EventTime start,
    EventTime end,
    List<String> recurrence,
    @Nullable String recurringEventId,
    @Nullable EventTime originalStartTime,
    List<Attendee> attendees,
    @Nullable List<Reminder> reminderOverrides,
    List<EventAttachment> attachments,
    String visibility,
    Instant created,
    Instant updated,
    int sequence) {

  public EventRecord {
    recurrence = List.copyOf(recurrence);
    attendees = List.copyOf(attendees);
    reminderOverrides = reminderOverrides == null ? null : List.copyOf(reminderOverrides);
    attachments = List.copyOf(attachments);
  }

  public boolean isCancelled() {
    return status.equals("cancelled");
  }

  public boolean isRecurring() {
    return !recurrence.isEmpty();
  }

  /** The same event cancelled at {@code when}. */
  public EventRecord cancelled(Instant when) {
    return new EventRecord(
        id,
        "cancelled",
        summary,
        description,
        location,
        colorId,
        creator,
        organizer,
        start,
        end,
        recurrence,
        recurringEventId,
        originalStartTime,
        attendees,
        reminderOverrides,
        attachments,
        visibility,
        created,
        when,
        sequence + 1);
  }

  /** The same event with new text and times, changed at {@code when}. */
  public EventRecord changed(
      String newSummary,
      String newDescription,
      String newLocation,
      EventTime newStart,
      EventTime newEnd,
      Instant when) {
    return new EventRecord(
        id,
        status,
        newSummary,
        newDescription,
        newLocation,
        colorId,
        creator,
        organizer,
        newStart,
        newEnd,
        recurrence,
        recurringEventId,
        originalStartTime,
        attendees,
        reminderOverrides,
        attachments,
        visibility,
        created,
        when,
        sequence + 1);
  }

  /** One occurrence of this series, as an expanded listing shows it. */
  public EventRecord instance(
      EventTime occurrenceStart, EventTime occurrenceEnd, String instanceId) {
    return new EventRecord(
        instanceId,
        status,
        summary,
        description,
        location,
        colorId,
        creator,
        organizer,
        occurrenceStart,
        occurrenceEnd,
        List.of(),
        id,
        occurrenceStart,
        attendees,
        reminderOverrides,
        attachments,
        visibility,
        created,
        updated,
        sequence);
  }
}
