package dev.officeflow.office.providers.google.contacts;

import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * Forgets a user's address-book cursors when the integration closes (a reconnect's backfill stores
 * new ones) or the user is deleted, and for the purge ({@code ProviderWatches}): nothing runs at
 * Google, so deleting the rows is all there is to stop. Listeners only subscribe: the publisher's
 * thread is never held.
 */
final class ContactsLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ContactsLifecycle.class);

  private final ContactSyncStore store;

  ContactsLifecycle(ContactSyncStore store) {
    this.store = store;
  }

  @EventListener
  void on(IntegrationClosed closed) {
    run(
        closed.userId(),
        store.forget(closed.userId(), Optional.of(closed.provider()), Optional.empty()));
  }

  @EventListener
  void on(UserForgotten forgotten) {
    run(forgotten.userId(), purge(forgotten.userId()));
  }

  /** The purge's step: every cursor of the user, of every provider. */
  Mono<Void> purge(String userId) {
    return store.forget(userId, Optional.empty(), Optional.empty()).then();
  }

  private static void run(String userId, Mono<?> work) {
    work.subscribe(
        null,
        e -> LOG.warn("contacts: forgetting the cursors of {} failed: {}", userId, e.toString()));
  }
}
