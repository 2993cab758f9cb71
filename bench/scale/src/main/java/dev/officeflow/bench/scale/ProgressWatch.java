package dev.officeflow.bench.scale;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's progress events ({@code progress}, {@code backfill_progress}) of one scenario's
 * users, read on the bench's own subscription. Read as JSON trees, field by field, so the bench
 * needs nothing of the record but the agreed wire names ({@code user_id}, {@code job_id}, {@code
 * sequence}, {@code state}, {@code provisional}, {@code last_updated}). Events of other users
 * (earlier scenarios' late reports) are acknowledged and dropped.
 */
final class ProgressWatch {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * What one user's progress events said so far.
   *
   * @param events events received
   * @param outOfOrder events whose sequence was not above the job's highest so far (Pub/Sub does
   *     not keep order; consumers drop those)
   * @param provisional events that said provisional
   * @param finalAt {@code last_updated} of the first {@code completed} or {@code failed} event
   */
  record Seen(
      String jobId,
      long events,
      long highestSequence,
      long outOfOrder,
      long provisional,
      @Nullable String finalState,
      @Nullable Instant finalAt) {

    Seen with(JsonNode event) {
      long sequence = event.path("sequence").asLong();
      String state = event.path("state").asString("");
      boolean last = state.equals("completed") || state.equals("failed");
      return new Seen(
          jobId,
          events + 1,
          Math.max(highestSequence, sequence),
          outOfOrder + (events > 0 && sequence <= highestSequence ? 1 : 0),
          provisional + (event.path("provisional").asBoolean(false) ? 1 : 0),
          finalState == null && last ? state : finalState,
          finalAt == null && last ? Instant.parse(event.path("last_updated").asString()) : finalAt);
    }
  }

  private final @Nullable PubSubRest pubsub;
  private final Set<String> users;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /** {@code pubsub} null: the catalog has no {@code progress} topic, so nothing is read. */
  ProgressWatch(@Nullable PubSubRest pubsub, Set<String> users) {
    this.pubsub = pubsub;
    this.users = Set.copyOf(users);
  }

  boolean enabled() {
    return pubsub != null;
  }

  void poll() throws IOException, InterruptedException {
    if (pubsub == null) {
      return;
    }
    for (PubSubRest.Pulled message : pubsub.pullAndAck(Topology.BENCH_PROGRESS, 1000)) {
      JsonNode event = JSON.readTree(message.data());
      String user = event.path("user_id").asString("");
      String job = event.path("job_id").asString("");
      if (users.contains(user)) {
        // A newer job replaces the one held (a reconnect); the bench connects each user once.
        seen.compute(
            user,
            (u, held) ->
                (held == null || !held.jobId().equals(job)
                        ? new Seen(job, 0, -1, 0, 0, null, null)
                        : held)
                    .with(event));
      }
    }
  }

  Map<String, Seen> seen() {
    return Map.copyOf(seen);
  }
}
