package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.providers.google.gmail.EmailMapper.MappedEmail;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mailbox changes as {@code real_time} {@code EmailEvent}s, tagged like the backfill's ({@code
 * tags.account}, {@code tags.direction}). A {@code create} carries the message's internal date as
 * {@code last_updated}, so it has the backfill's idempotency keys; an {@code update} or {@code
 * delete} carries the time it was read, because Gmail gives a message no modification time and a
 * later change must win over an earlier one.
 */
final class StreamingEvents {

  private final String service;
  private final String version;
  private final Clock clock;

  StreamingEvents(String service, String version, Clock clock) {
    this.service = service;
    this.version = version;
    this.clock = clock;
  }

  EmailEvent changed(String userId, String account, Operation operation, MappedEmail mapped) {
    Instant now = clock.instant();
    Instant lastUpdated = operation == Operation.CREATE ? mapped.email().receivedDate() : now;
    String direction = mapped.outbound() ? "outbound" : "inbound";
    return event(userId, account, direction, operation, lastUpdated, mapped.email());
  }

  /**
   * A deleted message: Gmail reports only its id and thread, so the email carries those, and the
   * time of the read stands in for the dates it no longer has.
   */
  EmailEvent deleted(String userId, String account, String messageId, @Nullable String threadId) {
    Instant now = clock.instant();
    String id = EmailMapper.PROVIDER + "_" + messageId;
    Email email =
        new Email(
            id,
            threadId,
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
            EmailMapper.PROVIDER,
            messageId,
            null,
            null,
            Map.of(),
            Map.of());
    return event(userId, account, null, Operation.DELETE, now, email);
  }

  private EmailEvent event(
      String userId,
      String account,
      @Nullable String direction,
      Operation operation,
      Instant lastUpdated,
      Email email) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("account", account);
    if (direction != null) {
      tags.put("direction", direction);
    }
    EventMetadata metadata = EventMetadata.create(service, version, userId, clock).withTags(tags);
    return new EmailEvent(
        metadata,
        userId,
        operation,
        null,
        lastUpdated,
        clock.instant(),
        EmailMapper.PROVIDER,
        SyncType.REAL_TIME,
        email,
        null);
  }
}
