package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.streaming.StopFailures;
import dev.officeflow.office.streaming.StreamingMetrics;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Starting, renewing and stopping a user's Gmail stream: {@code users.watch} on the push topic, the
 * stored state, and the first history read from the backfill's captured history id.
 */
final class GmailStreams {

  private static final Logger LOG = LoggerFactory.getLogger(GmailStreams.class);

  private final GmailClient client;
  private final Sessions sessions;
  private final WatchStore store;
  private final UserSyncs syncs;
  private final StreamingMetrics metrics;
  private final String topic;
  private final Clock clock;

  GmailStreams(
      GmailClient client,
      Sessions sessions,
      WatchStore store,
      UserSyncs syncs,
      StreamingMetrics metrics,
      String topic,
      Clock clock) {
    this.client = client;
    this.sessions = sessions;
    this.store = store;
    this.syncs = syncs;
    this.metrics = metrics;
    this.topic = topic;
    this.clock = clock;
  }

  /**
   * Watches the mailbox and streams from {@code historyId} (the backfill's; without one, the
   * mailbox's current id, which may miss changes made during the backfill), then reads what changed
   * since. The watch comes first: a notification before the state is stored is skipped, and the
   * read that follows covers it. Fails when the watch could not be stored (the reconciler retries
   * with backoff); a failed first read does not fail it, since the poll reads again.
   */
  Mono<Void> start(String userId, @Nullable Long historyId) {
    return sessions
        .of(userId)
        .flatMap(session -> watchFrom(session, historyId))
        .then(Mono.defer(() -> firstRead(userId)));
  }

  private Mono<Void> firstRead(String userId) {
    return syncs
        .request(userId)
        .doOnNext(
            result ->
                LOG.atInfo()
                    .setMessage("gmail streaming started")
                    .addKeyValue("userId", userId)
                    .addKeyValue("historyId", result.mailboxHistoryId())
                    .log())
        .onErrorResume(
            e -> {
              LOG.atWarn()
                  .setMessage(
                      "gmail streaming started; its first read failed, the poll reads again")
                  .addKeyValue("userId", userId)
                  .addKeyValue("reason", String.valueOf(e.getMessage()))
                  .log();
              return Mono.empty();
            })
        .then();
  }

  private Mono<Void> watchFrom(GoogleSession session, @Nullable Long historyId) {
    Mono<Long> from = historyId != null ? Mono.just(historyId) : client.historyId(session);
    return from.flatMap(
        start ->
            client
                .watch(session, topic)
                .flatMap(
                    watch ->
                        store.start(
                            session.userId(),
                            session.credential().accountEmail(),
                            start,
                            watch.expiration(),
                            clock.instant())));
  }

  /** Renews the watch (Google lets one lapse after 7 days). */
  Mono<Void> renew(WatchRow row) {
    return sessions
        .of(row.userId())
        .flatMap(session -> client.watch(session, topic))
        .flatMap(watch -> store.renewed(row.userId(), watch.expiration(), clock.instant()))
        .doOnSuccess(done -> metrics.renewals.increment());
  }

  /**
   * Forgets the user's state first (later notifications are skipped), then asks Gmail to stop; a
   * revoked grant may refuse that, and the watch then lapses within 7 days, notifying nobody.
   */
  Mono<Void> stop(String userId) {
    return store
        .delete(userId)
        .filter(existed -> existed)
        .flatMap(existed -> sessions.of(userId).flatMap(client::stop))
        .onErrorResume(
            e -> {
              LOG.atInfo()
                  .setMessage("gmail watch not stopped at Google; it lapses by itself")
                  .addKeyValue("userId", userId)
                  .addKeyValue("reason", String.valueOf(e.getMessage()))
                  .log();
              return Mono.empty();
            })
        .doFinally(
            signal -> {
              syncs.forget(userId);
              sessions.forget(userId);
            })
        .then();
  }

  /**
   * A deleted user's purge ({@code ProviderWatches}): forgets the state, then asks Gmail to stop
   * whether a row was left or not (an earlier attempt, or the integration's close, may have deleted
   * it), so a retry still stops the watch. Done when Gmail stopped it or nothing is left to stop
   * ({@link StopFailures}); fails otherwise, to be retried.
   */
  Mono<Void> stopForPurge(String userId) {
    return store
        .delete(userId)
        .then(Mono.defer(() -> sessions.of(userId)))
        .flatMap(client::stop)
        .onErrorResume(
            StopFailures::nothingLeftToStop,
            e -> {
              LOG.atInfo()
                  .setMessage(
                      "gmail stop of a purged user: none, gone, or no grant (a watch lapses in 7 days)")
                  .addKeyValue("userId", userId)
                  .addKeyValue("reason", String.valueOf(e.getMessage()))
                  .log();
              return Mono.empty();
            })
        .doFinally(
            signal -> {
              syncs.forget(userId);
              sessions.forget(userId);
            })
        .then();
  }
}
