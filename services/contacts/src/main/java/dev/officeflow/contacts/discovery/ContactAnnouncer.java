package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.vip.ContactAggregate;
import dev.officeflow.contacts.vip.ScoredContact;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.publish.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Publishes a {@code ContactEvent} on {@code contacts} for each significant change (a new contact,
 * a move to another score band). The address comes from the messages being processed, never from
 * storage, which holds none. Publishing failures are logged: the interactions are already
 * committed, and the next message from the contact announces its state again if it changes.
 */
final class ContactAnnouncer {

  private static final Logger log = LoggerFactory.getLogger(ContactAnnouncer.class);

  private final EventPublisher publisher;
  private final Clock clock;
  private final String service;
  private final String version;

  ContactAnnouncer(EventPublisher publisher, Clock clock, String service, String version) {
    this.publisher = publisher;
    this.clock = clock;
    this.service = service;
    this.version = version;
  }

  /** Announces the significant changes among {@code scored}; completes when all were published. */
  Mono<Void> announce(List<ItemChange> changes, List<ScoredContact> scored) {
    Map<String, Source> sources = new HashMap<>();
    for (ItemChange change : changes) {
      change
          .participants()
          .forEach((hash, p) -> sources.put(change.userId() + " " + hash, new Source(change, p)));
    }
    CompletableFuture<?>[] published =
        scored.stream()
            .filter(ScoredContact::significant)
            .filter(s -> sources.containsKey(key(s)))
            .map(s -> publish(s, sources.get(key(s))))
            .toArray(CompletableFuture[]::new);
    return published.length == 0
        ? Mono.empty()
        : Mono.fromFuture(CompletableFuture.allOf(published));
  }

  private CompletableFuture<Void> publish(ScoredContact scored, Source source) {
    return publisher
        .publish(event(scored, source))
        .handle(
            (id, error) -> {
              if (error != null) {
                log.warn(
                    "contact event for user {} failed: {}",
                    source.change().userId(),
                    error.toString());
              }
              return null;
            });
  }

  private ContactEvent event(ScoredContact scored, Source source) {
    Instant now = clock.instant();
    ContactAggregate c = scored.contact();
    ItemChange change = source.change();
    Contact contact =
        new Contact(
            c.contactHash(),
            c.displayName() != null ? c.displayName() : source.participant().displayName(),
            null,
            null,
            List.of(source.participant().address().value()),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            change.provider(),
            c.contactHash(),
            List.of(),
            List.of(),
            List.of(),
            now);
    // The scores are officeflow's, not the person's: they travel in the metadata's tags, which the
    // reference types as a free-form object, while the contact's own tags are a list of labels.
    return new ContactEvent(
        EventMetadata.create(service, version, change.userId(), clock)
            .withTags(tags(scored, change)),
        change.userId(),
        scored.created() ? Operation.CREATE : Operation.UPDATE,
        null,
        now,
        now,
        change.provider(),
        change.syncType(),
        contact,
        null);
  }

  private static Map<String, String> tags(ScoredContact scored, ItemChange change) {
    return Map.of(
        "contact_hash", scored.contact().contactHash(),
        "vip_score", String.format(Locale.ROOT, "%.4f", scored.score().score()),
        "score_band", scored.score().band().wire(),
        "previous_band", scored.previousBand().wire(),
        "automated", Boolean.toString(scored.contact().automated()),
        "discovered_from", change.source().wire());
  }

  private static String key(ScoredContact s) {
    return s.contact().userId() + " " + s.contact().contactHash();
  }

  private record Source(ItemChange change, Participant participant) {}
}
