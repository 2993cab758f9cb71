package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.Message;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.Operation;
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.gmail.EmailMapper.MappedEmail;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.publish.EventPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One history read of one user: {@code history.list} from the stored history id, page by page; each
 * page's changed messages fetched (in batches), published, and only then the stored history id
 * moved to where the page ends. A history id Gmail no longer knows (404) hands over to {@link
 * Resyncs}.
 */
final class HistorySync {

  /** What a history read needs. */
  record Deps(
      GmailClient client,
      GmailReader reader,
      Sessions sessions,
      WatchStore store,
      EventPublisher publisher,
      StreamingEvents events,
      StreamingMetrics metrics,
      GmailStreamingSettings settings,
      boolean bodies,
      Clock clock) {}

  private final Deps deps;
  private final Resyncs resyncs;

  HistorySync(Deps deps, Resyncs resyncs) {
    this.deps = deps;
    this.resyncs = resyncs;
  }

  Mono<SyncResult> sync(String userId) {
    return deps.store()
        .find(userId)
        .flatMap(
            row ->
                row.resyncing()
                    ? resyncs.check(row)
                    : deps.sessions().of(userId).flatMap(s -> read(s, row)))
        .defaultIfEmpty(SyncResult.notWatched());
  }

  private Mono<SyncResult> read(GoogleSession session, WatchRow row) {
    return page(session, row, null)
        .expand(
            changes ->
                changes.nextPageToken() == null
                    ? Mono.empty()
                    : page(session, row, changes.nextPageToken()))
        .last()
        .flatMap(last -> finish(row, last))
        .onErrorResume(HistorySync::expired, e -> resyncs.start(row));
  }

  private Mono<MailboxChanges> page(GoogleSession s, WatchRow row, @Nullable String token) {
    return deps.client()
        .history(s, row.historyId(), token, deps.settings().historyPageSize())
        .map(MailboxChanges::of)
        .doOnNext(changes -> deps.metrics().deltas.increment(changes.records()))
        .flatMap(changes -> publish(s, row, changes).thenReturn(changes))
        .flatMap(
            changes ->
                changes.nextPageToken() == null
                    ? Mono.just(changes)
                    : advance(row, changes.position()).thenReturn(changes));
  }

  private Mono<SyncResult> finish(WatchRow row, MailboxChanges last) {
    Mono<Void> store =
        last.position() > row.historyId()
            ? advance(row, last.position())
            : deps.store().synced(row.userId(), deps.clock().instant());
    return store.thenReturn(SyncResult.synced(last.mailboxHistoryId()));
  }

  private Mono<Void> advance(WatchRow row, long position) {
    return deps.store().advance(row.userId(), position, deps.clock().instant()).then();
  }

  private static boolean expired(Throwable e) {
    return e instanceof GoogleFailure f && f.kind() == GoogleFailure.Kind.NOT_FOUND;
  }

  private Mono<Void> publish(GoogleSession s, WatchRow row, MailboxChanges changes) {
    String account = s.credential().accountEmail();
    List<EmailEvent> deletes =
        changes.deleted().stream()
            .map(id -> deps.events().deleted(row.userId(), account, id, changes.threads().get(id)))
            .toList();
    Flux<EmailEvent> fetched =
        Flux.fromIterable(changes.toFetch())
            .buffer(deps.reader().batchSize())
            .concatMap(ids -> deps.reader().fetch(s, ids, format(s)))
            .concatMapIterable(got -> events(row.userId(), account, changes, got.messages()));
    return Flux.concat(Flux.fromIterable(deletes), fetched)
        .flatMap(this::publish, deps.settings().publishConcurrency())
        .then();
  }

  /** As the backfill reads: bodies only when configured and the scope allows them. */
  private GmailReader.Format format(GoogleSession s) {
    boolean metadataOnly = s.credential().scopes().contains(GoogleScopes.GMAIL_METADATA);
    return deps.bodies() && !metadataOnly ? GmailReader.Format.FULL : GmailReader.Format.METADATA;
  }

  private Mono<String> publish(EmailEvent event) {
    return Mono.fromFuture(() -> deps.publisher().publish(event))
        .doOnNext(id -> deps.metrics().events.increment());
  }

  /** Messages gone since the history was written are skipped: their deletion comes next. */
  private List<EmailEvent> events(
      String userId, String account, MailboxChanges changes, List<Message> messages) {
    List<EmailEvent> out = new ArrayList<>();
    for (Message m : messages) {
      Operation operation = changes.changes().getOrDefault(m.getId(), Operation.UPDATE);
      map(m, account).ifPresent(e -> out.add(deps.events().changed(userId, account, operation, e)));
    }
    return out;
  }

  private static Optional<MappedEmail> map(Message message, String account) {
    try {
      return EmailMapper.map(message, account);
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
