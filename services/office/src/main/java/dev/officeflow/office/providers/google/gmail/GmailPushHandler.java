package dev.officeflow.office.providers.google.gmail;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.Outcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gmail's push notifications on {@code office-gmail-push}: the address names the user, whose
 * history is read (coalesced with other notifications for them). A notification is acknowledged
 * once a read that started after it covers its history id; one whose id is beyond what Gmail's
 * history shows yet is retried. Unknown addresses are acknowledged (logged), malformed data is
 * dead-lettered with the reason.
 */
final class GmailPushHandler implements MessageHandler {

  static final String SUBSCRIPTION = "office-" + Topics.GMAIL_PUSH;

  private static final Logger LOG = LoggerFactory.getLogger(GmailPushHandler.class);

  private final WatchStore store;
  private final UserSyncs syncs;
  private final StreamingMetrics metrics;

  GmailPushHandler(WatchStore store, UserSyncs syncs, StreamingMetrics metrics) {
    this.store = store;
    this.syncs = syncs;
    this.metrics = metrics;
  }

  @Override
  public String subscription() {
    return SUBSCRIPTION;
  }

  @Override
  public Mono<Outcome> handle(PubsubMessage message, Delivery delivery) {
    Notification notification;
    try {
      notification = Notification.parse(message.getData());
    } catch (Notification.Malformed e) {
      return Mono.just(Outcome.deadLetter("malformed gmail notification: " + e.getMessage()));
    }
    metrics.notifications.increment();
    return store
        .findByAddress(notification.emailAddress())
        .collectList()
        .flatMap(rows -> handle(notification, rows));
  }

  private Mono<Outcome> handle(Notification n, List<WatchRow> rows) {
    if (rows.isEmpty()) {
      LOG.atInfo()
          .setMessage("gmail notification for an unknown mailbox skipped")
          .addKeyValue("historyId", n.historyId())
          .log();
      return Mono.just(Outcome.skipped("no watched mailbox for the address"));
    }
    return Flux.fromIterable(rows).flatMap(row -> forUser(n, row)).reduce(GmailPushHandler::worse);
  }

  private Mono<Outcome> forUser(Notification n, WatchRow row) {
    if (row.resyncing()) {
      return Mono.just(Outcome.skipped("full resync in progress"));
    }
    if (row.historyId() >= n.historyId()) {
      metrics.coalesced.increment();
      return Mono.just(Outcome.duplicate());
    }
    return syncs.request(row.userId()).map(result -> outcome(n, result));
  }

  private static Outcome outcome(Notification n, SyncResult result) {
    return switch (result.kind()) {
      case SYNCED ->
          result.mailboxHistoryId() >= n.historyId()
              ? Outcome.done()
              : Outcome.retry(
                  "history "
                      + n.historyId()
                      + " not visible yet (mailbox at "
                      + result.mailboxHistoryId()
                      + ")");
      case RESYNCING -> Outcome.skipped("full resync in progress");
      case NOT_WATCHED -> Outcome.skipped("mailbox no longer watched");
    };
  }

  /** Of two users' outcomes the one that must not be lost: a retry over an acknowledgement. */
  private static Outcome worse(Outcome a, Outcome b) {
    return b.action().ordinal() > a.action().ordinal() ? b : a;
  }
}
