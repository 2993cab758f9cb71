package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.outbox.Announcement;
import dev.officeflow.contacts.outbox.ContactOutbox;
import dev.officeflow.contacts.vip.ContactAggregate;
import dev.officeflow.contacts.vip.ScoredContact;
import dev.officeflow.events.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Writes a {@code ContactEvent} to the outbox for each significant change (a new contact, a move to
 * another score band), in the transaction of the batch that made it, so it is published even if
 * this instance dies right after the commit. The address comes from the messages being processed,
 * never from storage: the outbox keeps it sealed. Contacts that vanish are announced by the
 * statement that removes them ({@link ContactOutbox#announcingRemovals}).
 */
final class ContactAnnouncer {

  private final ContactOutbox outbox;

  ContactAnnouncer(ContactOutbox outbox) {
    this.outbox = outbox;
  }

  /** Writes the significant changes among {@code scored} in the caller's transaction. */
  Mono<Void> announce(List<ItemChange> changes, List<ScoredContact> scored) {
    Map<String, Source> sources = new HashMap<>();
    for (ItemChange change : changes) {
      change
          .participants()
          .forEach((hash, p) -> sources.put(change.userId() + " " + hash, new Source(change, p)));
    }
    List<Announcement> announcements =
        scored.stream()
            .filter(ScoredContact::significant)
            .filter(s -> sources.containsKey(key(s)))
            .map(s -> announcement(s, Objects.requireNonNull(sources.get(key(s)))))
            .toList();
    return announcements.isEmpty() ? Mono.empty() : outbox.announce(announcements);
  }

  /** The batch committed: its announcements can go out now. */
  void committed() {
    outbox.committed();
  }

  private static Announcement announcement(ScoredContact scored, Source source) {
    ContactAggregate c = scored.contact();
    ItemChange change = source.change();
    return new Announcement(
        change.userId(),
        c.contactHash(),
        scored.created() ? Operation.CREATE : Operation.UPDATE,
        change.provider(),
        change.syncType(),
        c.displayName() != null ? c.displayName() : source.participant().displayName(),
        source.participant().address().value(),
        tags(scored, change));
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
