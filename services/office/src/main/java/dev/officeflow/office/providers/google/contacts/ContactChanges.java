package dev.officeflow.office.providers.google.contacts;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.providers.google.GoogleScopes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Address-book changes read after the backfill as {@code incremental_sync} events: a changed (or
 * new: People does not say which) person is an {@code update} at its update time, a deleted one a
 * {@code delete} at the time it was read, newer than any version before it, so vespa-loader's
 * tombstone keeps it deleted. {@code tags.account} is the account's own address, as on every office
 * event.
 */
final class ContactChanges {

  private final String service;
  private final String version;
  private final Clock clock;

  ContactChanges(String service, String version, Clock clock) {
    this.service = service;
    this.version = version;
    this.clock = clock;
  }

  ContactEvent of(String userId, String account, ContactMapper.Mapped mapped) {
    Instant now = clock.instant();
    Operation operation = mapped.deleted() ? Operation.DELETE : Operation.UPDATE;
    Instant lastUpdated = mapped.deleted() ? now : mapped.updated();
    EventMetadata metadata =
        EventMetadata.create(service, version, userId, clock).withTags(Map.of("account", account));
    return new ContactEvent(
        metadata,
        userId,
        operation,
        null,
        lastUpdated,
        now,
        GoogleScopes.PROVIDER,
        SyncType.INCREMENTAL_SYNC,
        mapped.contact(),
        null);
  }

  /** When a person read now without an update time changed: now. */
  Instant now() {
    return clock.instant();
  }
}
