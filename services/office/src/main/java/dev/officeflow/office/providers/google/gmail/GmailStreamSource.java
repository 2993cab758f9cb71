package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.streaming.StreamSource;
import dev.officeflow.office.streaming.StreamTarget;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Gmail as the reconciler keeps it: a user needs work when there is no {@code gmail_watches} row,
 * or the watch is expired or due for its renewal (once per {@code renewal-interval}); is live while
 * the watch Google answered has not expired. A target new to its backfill starts from the history
 * id that backfill captured; otherwise the watch is renewed.
 */
final class GmailStreamSource implements StreamSource {

  static final String NAME = "gmail";

  private final GmailStreams streams;
  private final WatchStore store;
  private final GmailStreamingSettings settings;

  GmailStreamSource(GmailStreams streams, WatchStore store, GmailStreamingSettings settings) {
    this.streams = streams;
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
        "NOT EXISTS (SELECT 1 FROM gmail_watches w WHERE w.user_id = t.user_id"
            + " AND w.renewed_at > :gmail_renew_due AND w.watch_expires_at > :gmail_now)",
        Map.of("gmail_renew_due", now.minus(settings.renewalInterval()), "gmail_now", now));
  }

  @Override
  public Condition live(Instant now) {
    return new Condition(
        "EXISTS (SELECT 1 FROM gmail_watches w WHERE w.user_id = t.user_id"
            + " AND w.watch_expires_at > :gmail_live_at)",
        Map.of("gmail_live_at", now));
  }

  @Override
  public Mono<Void> ensure(StreamTarget target) {
    Mono<Void> start = Mono.defer(() -> streams.start(target.userId(), target.mailHistoryId()));
    if (target.fresh()) {
      return start;
    }
    return store
        .find(target.userId())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(row -> row.isPresent() ? streams.renew(row.get()) : start);
  }

  @Override
  public Mono<Void> stop(String userId, String provider) {
    return streams.stop(userId);
  }
}
