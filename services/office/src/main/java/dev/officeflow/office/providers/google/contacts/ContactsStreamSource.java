package dev.officeflow.office.providers.google.contacts;

import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.streaming.StreamSource;
import dev.officeflow.office.streaming.StreamTarget;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The address book as the streaming reconciler keeps it. People has no push, so "streaming" is a
 * poll by sync token, and the reconciler schedules it: a user needs work when one of their lists is
 * due ({@code contact_sync.next_poll_at}, one {@code interval} after the last poll), and the work
 * is the poll ({@link ContactsSync}); so polls run under the target's lease (one instance per user)
 * and a failing one backs the user off like a failed watch. A user is live while streaming started
 * from their backfill and no list is overdue by more than an interval.
 */
final class ContactsStreamSource implements StreamSource {

  static final String NAME = "contacts";

  private static final String ROWS =
      "SELECT 1 FROM contact_sync s WHERE s.user_id = t.user_id AND s.provider = t.provider";

  private final ContactsSync sync;
  private final ContactSyncStore store;
  private final ContactsStreamingSettings settings;

  ContactsStreamSource(
      ContactsSync sync, ContactSyncStore store, ContactsStreamingSettings settings) {
    this.sync = sync;
    this.store = store;
    this.settings = settings;
  }

  @Override
  public String provider() {
    return GoogleScopes.PROVIDER;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Condition needsWork(Instant now) {
    return new Condition(
        "EXISTS (" + ROWS + " AND s.next_poll_at <= :contacts_now)", Map.of("contacts_now", now));
  }

  @Override
  public Condition live(Instant now) {
    return new Condition(
        "t.started_job_id = t.job_id AND NOT EXISTS ("
            + ROWS
            + " AND s.next_poll_at < :contacts_overdue)",
        Map.of("contacts_overdue", now.minus(settings.interval())));
  }

  @Override
  public Mono<Void> ensure(StreamTarget target) {
    return sync.poll(target);
  }

  /** Nothing runs at Google: forgetting the cursors stops the polls. */
  @Override
  public Mono<Void> stop(String userId, String provider) {
    return store.forget(userId, Optional.of(provider), Optional.empty()).then();
  }
}
