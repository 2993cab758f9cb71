package dev.officeflow.office.backfill;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Backfill items as events: {@code create}, {@code batch_sync}, {@code batch_id} and {@code
 * correlation_id} = the job id, {@code tags.account} = the account's own address (and, on emails,
 * {@code tags.direction}). An item's idempotency keys depend only on the item, so every run and
 * resume publishes the same keys.
 */
public final class BackfillEvents {

  static final String ACCOUNT_TAG = "account";
  static final String DIRECTION_TAG = "direction";

  private final String service;
  private final String version;
  private final Clock clock;

  BackfillEvents(String service, String version, Clock clock) {
    this.service = service;
    this.version = version;
    this.clock = clock;
  }

  /**
   * {@code last_updated} is the message's received date: a message does not change.
   *
   * @param outbound sent by the account (it is the sender), which {@code tags.direction} says
   */
  public EmailEvent email(BackfillJob job, String account, Email email, boolean outbound) {
    String direction = outbound ? "outbound" : "inbound";
    return new EmailEvent(
        metadata(job, account, direction),
        job.userId(),
        Operation.CREATE,
        job.id().toString(),
        email.receivedDate(),
        clock.instant(),
        job.provider(),
        SyncType.BATCH_SYNC,
        email,
        null);
  }

  public CalendarEvent calendar(
      BackfillJob job, String account, CalendarEntry entry, Instant updated) {
    return new CalendarEvent(
        metadata(job, account, null),
        job.userId(),
        Operation.CREATE,
        job.id().toString(),
        updated,
        clock.instant(),
        job.provider(),
        SyncType.BATCH_SYNC,
        entry,
        null,
        entry.calendarId());
  }

  /**
   * A person of the provider's address book; {@code updated} is when the provider last changed it
   * (the caller's fallback when it does not say).
   */
  public ContactEvent contact(BackfillJob job, String account, Contact contact, Instant updated) {
    return new ContactEvent(
        metadata(job, account, null),
        job.userId(),
        Operation.CREATE,
        job.id().toString(),
        updated,
        clock.instant(),
        job.provider(),
        SyncType.BATCH_SYNC,
        contact,
        null);
  }

  /** The envelope of a job's progress report ({@link ProgressReports}). */
  EventMetadata progressMetadata(BackfillJob job) {
    return EventMetadata.create(service, version, job.userId(), clock)
        .withCorrelationId(job.id().toString());
  }

  private EventMetadata metadata(BackfillJob job, String account, @Nullable String direction) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(ACCOUNT_TAG, account);
    if (direction != null) {
      tags.put(DIRECTION_TAG, direction);
    }
    return EventMetadata.create(service, version, job.userId(), clock)
        .withCorrelationId(job.id().toString())
        .withTags(tags);
  }
}
