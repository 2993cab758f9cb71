package dev.officeflow.notifier.feed;

import dev.officeflow.notifier.stream.Notification;
import dev.officeflow.notifier.stream.UserStreams;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts what arrives in bulk (backfill items, VIP candidate changes) per user and tells each user
 * at most once per interval, as one entry of counts per type: a backfill of thousands of items
 * becomes a few entries a second per user, whatever its rate. Counts are hints for the page to
 * reload (they are not the data), so counts not yet told when the instance stops are lost; the
 * memory held is one small map per user with something pending. Thread-safe.
 */
final class Coalescer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Coalescer.class);

  private final String type;
  private final UserStreams streams;
  private final Map<String, Map<String, Map<String, Long>>> pending = new ConcurrentHashMap<>();
  private final Disposable flusher;

  /**
   * @param type the SSE type of the entries ({@code items}, {@code vip_candidates})
   */
  Coalescer(String type, UserStreams streams, Duration interval) {
    this.type = type;
    this.streams = streams;
    this.flusher =
        Flux.interval(interval, interval)
            .onBackpressureDrop()
            .concatMap(tick -> flush())
            .subscribe();
  }

  /** Counts one {@code operation} on an item of {@code kind} for {@code userId}. */
  void add(String userId, String kind, String operation) {
    // compute holds the user's entry while it changes, and flush removes an entry whole: a count
    // lands either in the entry being told or in the next one.
    pending.compute(
        userId,
        (id, counts) -> {
          Map<String, Map<String, Long>> held = counts != null ? counts : new TreeMap<>();
          held.computeIfAbsent(kind, k -> new TreeMap<>()).merge(operation, 1L, Long::sum);
          return held;
        });
  }

  /** Tells every user with pending counts; completes when all are appended. */
  Mono<Void> flush() {
    return Flux.fromIterable(pending.keySet())
        .flatMap(
            userId -> {
              Map<String, Map<String, Long>> counts = pending.remove(userId);
              if (counts == null) {
                return Mono.empty();
              }
              Notification notification = Notifications.counts(type, counts);
              return streams
                  .append(userId, notification)
                  .onErrorResume(
                      e -> {
                        log.warn("cannot tell {} of {} {}: {}", userId, type, counts, e.toString());
                        return Mono.empty();
                      });
            },
            16)
        .then();
  }

  @Override
  public void close() {
    flusher.dispose();
  }
}
