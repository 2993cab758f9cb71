package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.streaming.StreamingMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Coalesces history reads per user on this instance: at most one read per user runs at a time, and
 * every request that arrives while it runs joins the single next read (the "dirty" round), which
 * starts when the running one ends. A request is therefore answered by a read that started after it
 * arrived, so it sees its change, and a burst of notifications costs about two reads, not one each.
 * Thread-safe.
 */
final class UserSyncs {

  /** One user's state: whether a read runs, and the round waiting to run after it. */
  private static final class Gate {
    boolean running;
    Sinks.@Nullable One<SyncResult> next;
  }

  private final Function<String, Mono<SyncResult>> read;
  private final StreamingMetrics metrics;
  private final Map<String, Gate> gates = new HashMap<>();

  UserSyncs(Function<String, Mono<SyncResult>> read, StreamingMetrics metrics) {
    this.read = read;
    this.metrics = metrics;
  }

  /**
   * The result of a read of {@code userId} that starts no earlier than this call. The read is
   * started (or joined) by the call itself, not by subscribing: call it inside {@code defer}.
   */
  Mono<SyncResult> request(String userId) {
    Sinks.One<SyncResult> round;
    boolean startNow;
    synchronized (gates) {
      Gate gate = gates.computeIfAbsent(userId, id -> new Gate());
      if (!gate.running) {
        gate.running = true;
        round = Sinks.one();
        startNow = true;
      } else if (gate.next != null) {
        metrics.coalesced.increment();
        return gate.next.asMono();
      } else {
        gate.next = Sinks.one();
        return gate.next.asMono();
      }
    }
    if (startNow) {
      run(userId, round);
    }
    return round.asMono();
  }

  private void run(String userId, Sinks.One<SyncResult> round) {
    read.apply(userId)
        .doFinally(signal -> next(userId))
        .subscribe(
            result -> round.tryEmitValue(result),
            error -> round.tryEmitError(error),
            () -> round.tryEmitEmpty());
  }

  /** The read ended: start the waiting round, or leave the user idle. */
  private void next(String userId) {
    Sinks.One<SyncResult> waiting;
    synchronized (gates) {
      Gate gate = gates.get(userId);
      if (gate == null) {
        return;
      }
      waiting = gate.next;
      gate.next = null;
      if (waiting == null) {
        gates.remove(userId);
        return;
      }
    }
    run(userId, waiting);
  }

  /** Drops the user's gate (streaming stopped); a read in flight finishes on its own. */
  void forget(String userId) {
    Gate gone;
    synchronized (gates) {
      gone = gates.remove(userId);
    }
    if (gone != null && gone.next != null) {
      gone.next.tryEmitValue(SyncResult.notWatched());
    }
  }
}
