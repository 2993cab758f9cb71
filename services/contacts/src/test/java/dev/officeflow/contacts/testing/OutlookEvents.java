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
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.events.SyncType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Email, calendar, integration and progress events of one user's Outlook mailbox, shaped as the
 * office's Microsoft adapter writes them ({@code providers.microsoft}: {@code MessageMapper},
 * {@code EventMapper}, {@code BackfillEvents}): provider {@code microsoft}, item ids {@code
 * microsoft_<Graph id>} with the bare Graph id as the provider id, {@code categories} as labels
 * (never Gmail's {@code SENT}), the sender's name in {@code display_names}, and the direction in
 * {@code tags.direction} (sent items, or the account as sender, are {@code outbound}).
 */
public final class OutlookEvents {

  public static final String PROVIDER = "microsoft";

  private final String userId;
  private final String account;

  public OutlookEvents(String userId, String account) {
    this.userId = userId;
    this.account = account;
  }

  public String userId() {
    return userId;
  }

  public String account() {
    return account;
  }

  /** A Graph message id as Exchange writes them (opaque, URL-safe base64). */
  public static String graphId(String seed) {
    return "AAMkAGI2TG93AAA=" + seed.toUpperCase(Locale.ROOT) + "-AAA=";
  }

  /** Mail to the user's inbox from {@code from} (an address, or a {@code Name <addr>} mailbox). */
  public EmailEvent received(String graphId, String from, String name, Instant when) {
    return email(graphId, from, name, List.of(account), when, "inbound");
  }

  /** Mail in sent items from {@code sender} (the account, or send-as) to {@code to}. */
  public EmailEvent sent(String graphId, String sender, List<String> to, Instant when) {
    return email(graphId, sender, null, to, when, "outbound");
  }

  private EmailEvent email(
      String graphId,
      String from,
      @Nullable String name,
      List<String> to,
      Instant when,
      String direction) {
    Email email =
        new Email(
            PROVIDER + "_" + graphId,
            "AAQkAGI2conversation" + graphId.length(),
            "Subject of " + graphId,
            "",
            from,
            to,
            List.of(),
            List.of(),
            when,
            when,
            List.of("Important"),
            true,
            false,
            false,
            PROVIDER,
            graphId,
            null,
            null,
            Map.of("Message-ID", "<" + graphId + "@contoso.test>"),
            name == null ? Map.of() : Map.of(from, name));
    return new EmailEvent(
        metadata(direction),
        userId,
        Operation.CREATE,
        "job-ms-" + userId,
        when,
        when,
        PROVIDER,
        SyncType.BATCH_SYNC,
        email,
        null);
  }

  /** A single meeting in the user's default calendar organised by {@code organizer}. */
  public CalendarEvent meeting(
      String graphId, String organizer, List<String> attendees, Instant at) {
    List<CalendarEntry.Attendee> details =
        attendees.stream()
            .map(a -> new CalendarEntry.Attendee(a, null, "accepted", false, false))
            .toList();
    CalendarEntry entry =
        new CalendarEntry(
            PROVIDER + "_" + graphId,
            "Meeting " + graphId,
            null,
            at,
            at.plusSeconds(1800),
            false,
            null,
            organizer,
            attendees,
            "confirmed",
            "default",
            PROVIDER,
            graphId,
            "primary",
            null,
            List.of(),
            List.of(),
            null,
            null,
            details);
    return new CalendarEvent(
        metadata(null),
        userId,
        Operation.CREATE,
        "job-ms-" + userId,
        at,
        at,
        PROVIDER,
        SyncType.BATCH_SYNC,
        entry,
        null,
        "primary");
  }

  /** The Microsoft integration of the user, active, as the user service announces it. */
  public IntegrationEvent connected() {
    return new IntegrationEvent(
        metadata(null),
        userId,
        Operation.CREATE,
        null,
        MailEvents.NOW,
        MailEvents.NOW,
        PROVIDER,
        "int-ms-" + userId,
        IntegrationStatus.ACTIVE,
        account,
        List.of("Mail.Read", "Calendars.Read", "Contacts.Read"),
        null);
  }

  /** A progress report of the user's Microsoft backfill job {@code jobId}. */
  public ProgressEvent progress(
      String jobId, long sequence, ProgressState state, int percent, Instant at) {
    ProgressEvent g = EventFixtures.progress(userId, jobId, sequence, state, percent, at);
    return new ProgressEvent(
        g.metadata(),
        g.userId(),
        g.operation(),
        g.batchId(),
        g.lastUpdated(),
        g.syncTimestamp(),
        PROVIDER,
        g.jobId(),
        g.sequence(),
        g.state(),
        g.phase(),
        g.source() == null ? null : "mail",
        g.provisional(),
        g.processed(),
        g.published(),
        g.skipped(),
        g.failed(),
        g.estimate(),
        g.percent(),
        g.error(),
        g.skippedSources());
  }

  private EventMetadata metadata(@Nullable String direction) {
    return EventFixtures.metadata(userId)
        .withTags(
            direction == null
                ? Map.of("account", account)
                : Map.of("account", account, "direction", direction));
  }
}
