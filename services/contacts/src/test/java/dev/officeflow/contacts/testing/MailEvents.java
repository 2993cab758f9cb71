package dev.officeflow.contacts.testing;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Email, calendar, integration and user events for one user, as the office service sends them. */
public final class MailEvents {

  public static final Instant NOW = Instant.now();

  private final String userId;
  private final String account;

  public MailEvents(String userId, String account) {
    this.userId = userId;
    this.account = account;
  }

  public String userId() {
    return userId;
  }

  public String account() {
    return account;
  }

  public EventMetadata metadata() {
    return EventFixtures.metadata(userId).withTags(Map.of("account", account));
  }

  /** A message from {@code from} to {@code to} (use {@link #account()} for the user). */
  public EmailEvent email(String id, String from, List<String> to, List<String> cc, Instant when) {
    return email(id, from, to, cc, when, Operation.CREATE, when, Map.of());
  }

  public EmailEvent email(
      String id,
      String from,
      List<String> to,
      List<String> cc,
      Instant when,
      Operation operation,
      Instant version,
      Map<String, String> headers) {
    Email email =
        new Email(
            "google_" + id,
            "thread-" + id,
            "Subject of " + id,
            "Body of " + id,
            from,
            to,
            cc,
            List.of(),
            when,
            when,
            from.equalsIgnoreCase(account) ? List.of("SENT") : List.of("INBOX"),
            false,
            false,
            false,
            "google",
            id,
            1000L,
            "text/plain",
            headers,
            Map.of());
    return new EmailEvent(
        metadata(),
        userId,
        operation,
        "job-1",
        version,
        NOW,
        "google",
        SyncType.BATCH_SYNC,
        email,
        null);
  }

  /** A single meeting organised by {@code organizer} with {@code attendees} (user included). */
  public CalendarEvent meeting(String id, String organizer, List<String> attendees, Instant start) {
    return meeting(id, organizer, attendees, start, Operation.CREATE, start);
  }

  /** The meeting's {@code operation} (a delete: it was cancelled) as of {@code version}. */
  public CalendarEvent meeting(
      String id,
      String organizer,
      List<String> attendees,
      Instant start,
      Operation operation,
      Instant version) {
    List<CalendarEntry.Attendee> details =
        attendees.stream()
            .map(a -> new CalendarEntry.Attendee(a, null, "accepted", a.equals(organizer), false))
            .toList();
    CalendarEntry entry =
        new CalendarEntry(
            "google_" + id,
            "Meeting " + id,
            null,
            start,
            start.plusSeconds(1800),
            false,
            null,
            organizer,
            attendees,
            "confirmed",
            "default",
            "google",
            id,
            "primary",
            null,
            List.of(),
            List.of(),
            null,
            null,
            details);
    return new CalendarEvent(
        metadata(),
        userId,
        operation,
        "job-1",
        version,
        NOW,
        "google",
        SyncType.BATCH_SYNC,
        entry,
        null,
        "primary");
  }

  public IntegrationEvent connected() {
    return new IntegrationEvent(
        metadata(),
        userId,
        Operation.CREATE,
        null,
        NOW,
        NOW,
        "google",
        "int-" + userId,
        IntegrationStatus.ACTIVE,
        account,
        List.of(),
        null);
  }

  /** The integration's removal, as {@code DELETE /v1/me} publishes it beside the user's. */
  public IntegrationEvent disconnected() {
    return new IntegrationEvent(
        metadata(),
        userId,
        Operation.DELETE,
        null,
        NOW,
        NOW,
        "google",
        "int-" + userId,
        IntegrationStatus.REVOKED,
        account,
        List.of(),
        null);
  }

  public UserEvent deleted() {
    return new UserEvent(metadata(), userId, Operation.DELETE, null, NOW, NOW, null, account);
  }
}
