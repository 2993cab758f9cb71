package dev.officeflow.office.streaming;

import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One kind of live stream the office keeps for a user whose backfill completed (a Gmail watch,
 * Calendar channels), declared by a provider adapter, as the {@link StreamingReconciler} sees it:
 * which users need work, which have no live stream, and the work itself. Implementations are
 * thread-safe.
 */
public interface StreamSource {

  /**
   * A SQL condition on a {@code streaming_targets} row aliased {@code t}, with the values of its
   * named parameters (prefixed with the source's name, so two conditions never clash).
   */
  record Condition(String sql, Map<String, Object> binds) {

    public Condition {
      binds = Map.copyOf(binds);
    }
  }

  /** The provider whose completed backfills this source streams ({@code google}). */
  String provider();

  /** The source's name: {@code gmail} or {@code calendar}, as in {@code skipped_sources}. */
  String name();

  /** True for the targets whose stream is missing or due for renewal as of {@code now}. */
  Condition needsWork(Instant now);

  /** True for the targets whose stream is live at {@code now} (the provider would notify us). */
  Condition live(Instant now);

  /**
   * Starts the target's stream (first, or again after a newer backfill: {@link
   * StreamTarget#fresh()}), or repairs or renews it. Fails when the provider refused, so the
   * reconciler backs off; succeeds without doing anything when another instance is at it.
   */
  Mono<Void> ensure(StreamTarget target);

  /** Stops the user's stream again: the target closed or was forgotten while it was started. */
  Mono<Void> stop(String userId, String provider);
}
