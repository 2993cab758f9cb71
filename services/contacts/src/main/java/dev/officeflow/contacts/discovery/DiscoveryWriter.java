package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.discovery.store.InteractionStore;
import dev.officeflow.contacts.vip.ScoredContact;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One subscription's writer: batches item changes and writes each batch in one transaction with the
 * contact events it causes (the outbox), then wakes the outbox relay. A change's {@link Mono}
 * completes after its batch committed, so its message is acked only then.
 */
final class DiscoveryWriter {

  private final BatchingWriter<ItemChange, List<ScoredContact>> batches;

  DiscoveryWriter(
      String name,
      InteractionStore store,
      ContactAnnouncer announcer,
      DiscoverySettings settings,
      Scheduler timer) {
    this.batches =
        new BatchingWriter<>(
            name,
            changes ->
                store
                    .write(changes, scored -> announcer.announce(changes, scored))
                    .doOnSuccess(committed -> announcer.committed()),
            settings,
            timer);
  }

  Mono<Void> submit(ItemChange change) {
    return batches.submit(change).then();
  }
}
