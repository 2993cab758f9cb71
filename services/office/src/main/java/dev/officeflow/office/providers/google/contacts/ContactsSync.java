package dev.officeflow.office.providers.google.contacts;

import com.google.api.services.people.v1.model.Person;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.contacts.PeopleReader.PeoplePage;
import dev.officeflow.office.streaming.StreamTarget;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.publish.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One poll of a user's address book: each list with a stored sync token is read from it (changed
 * and deleted people only), page after page, each page's events published, and only then the new
 * token stored. An expired token (Google keeps them 7 days) costs one full listing of that list,
 * which publishes every person again (the same ids, so consumers keep one document each) and stores
 * a fresh token. A list the grant no longer covers (403) is forgotten. When streaming starts from a
 * backfill that stored no token for a list the grant covers (a job older than the address book),
 * that list is listed in full once. The streaming reconciler's lease on the user's target keeps two
 * instances from polling one user at once.
 */
final class ContactsSync {

  private static final Logger LOG = LoggerFactory.getLogger(ContactsSync.class);
  private static final int PUBLISH_CONCURRENCY = 32;

  private final GoogleApi api;
  private final PeopleReader reader;
  private final ContactSyncStore store;
  private final ContactChanges changes;
  private final EventPublisher publisher;
  private final StreamingMetrics metrics;
  private final Duration interval;
  private final Clock clock;

  ContactsSync(
      GoogleApi api,
      PeopleReader reader,
      ContactSyncStore store,
      ContactChanges changes,
      EventPublisher publisher,
      StreamingMetrics metrics,
      Duration interval,
      Clock clock) {
    this.api = api;
    this.reader = reader;
    this.store = store;
    this.changes = changes;
    this.publisher = publisher;
    this.metrics = metrics;
    this.interval = interval;
    this.clock = clock;
  }

  /** Polls every list of the target's user; fails when Google or the database did. */
  Mono<Void> poll(StreamTarget target) {
    return store
        .tokens(target.userId(), target.provider())
        .flatMap(
            tokens ->
                api.open(target.userId(), target.provider())
                    .flatMap(
                        session ->
                            Flux.fromArray(AddressList.values())
                                .concatMap(list -> poll(session, target, list, tokens.get(list)))
                                .then()));
  }

  private Mono<Void> poll(
      GoogleSession session, StreamTarget target, AddressList list, @Nullable String token) {
    if (token != null) {
      return incremental(session, target, list, token)
          .onErrorResume(PeopleReader::expired, e -> resync(session, target, list))
          .onErrorResume(PeopleReader::forbidden, e -> forget(target, list, e));
    }
    if (!target.fresh() || !session.credential().mayGrant(list.scopes())) {
      return Mono.empty();
    }
    return full(session, target, list).onErrorResume(PeopleReader::forbidden, e -> Mono.empty());
  }

  private Mono<Void> incremental(
      GoogleSession session, StreamTarget target, AddressList list, String token) {
    return listing(session, list, token)
        .flatMap(
            next ->
                store
                    .advance(
                        target.userId(),
                        target.provider(),
                        list,
                        token,
                        next,
                        clock.instant().plus(interval))
                    .then());
  }

  private Mono<Void> resync(GoogleSession session, StreamTarget target, AddressList list) {
    metrics.resyncs.increment();
    LOG.atInfo()
        .setMessage("contacts sync token expired; listing the address book in full")
        .addKeyValue("userId", target.userId())
        .addKeyValue("list", list.wire())
        .log();
    return full(session, target, list);
  }

  private Mono<Void> full(GoogleSession session, StreamTarget target, AddressList list) {
    return listing(session, list, null)
        .flatMap(
            next ->
                store.save(
                    target.userId(),
                    target.provider(),
                    list,
                    next,
                    clock.instant().plus(interval)));
  }

  private Mono<Void> forget(StreamTarget target, AddressList list, Throwable e) {
    LOG.atInfo()
        .setMessage("the grant no longer covers an address list; it is no longer polled")
        .addKeyValue("userId", target.userId())
        .addKeyValue("list", list.wire())
        .addKeyValue("reason", String.valueOf(e.getMessage()))
        .log();
    return store.forget(target.userId(), Optional.of(target.provider()), Optional.of(list)).then();
  }

  /**
   * Reads every page from {@code syncToken} (null: a full listing) and publishes each; answers the
   * last page's sync token once every page is published.
   */
  private Mono<String> listing(
      GoogleSession session, AddressList list, @Nullable String syncToken) {
    return reader
        .list(session, list, null, syncToken)
        .expand(
            page ->
                page.nextPageToken() == null
                    ? Mono.empty()
                    : reader.list(session, list, page.nextPageToken(), syncToken))
        .concatMap(page -> publish(session, list, page).thenReturn(page))
        .last()
        .flatMap(
            page ->
                page.nextSyncToken() == null
                    ? Mono.error(
                        new IllegalStateException(list.method() + " answered no sync token"))
                    : Mono.just(page.nextSyncToken()));
  }

  private Mono<Void> publish(GoogleSession session, AddressList list, PeoplePage page) {
    List<ContactEvent> events =
        page.people().stream()
            .map(p -> mapped(p, list))
            .flatMap(Optional::stream)
            .map(m -> changes.of(session.userId(), session.credential().accountEmail(), m))
            .toList();
    metrics.deltas.increment(page.people().size());
    return Flux.fromIterable(events)
        .flatMap(e -> Mono.fromFuture(() -> publisher.publish(e)), PUBLISH_CONCURRENCY)
        .doOnNext(id -> metrics.events.increment())
        .then();
  }

  /** A person that cannot be a contact (no resource name) is logged and left out. */
  private Optional<ContactMapper.Mapped> mapped(Person person, AddressList list) {
    Optional<ContactMapper.Mapped> mapped = ContactMapper.map(person, list, changes.now());
    if (mapped.isEmpty()) {
      LOG.warn("{} returned a person that is not a contact; left out", list.method());
    }
    return mapped;
  }
}
