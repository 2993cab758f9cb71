package dev.officeflow.office.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Starting backfill jobs through the internal API and waiting for them. */
public final class Jobs {

  private Jobs() {}

  /** Starts a job with the default window; fails unless the API answers 201. */
  public static JsonNode start(OfficeClient office, String userId) {
    OfficeClient.Answer answer = office.post("/internal/backfill/start", Map.of("user_id", userId));
    if (answer.status() != 201) {
      throw new AssertionError("start answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  /** Starts a job of {@code provider} ({@code google}, {@code microsoft}) with the defaults. */
  public static JsonNode start(OfficeClient office, String userId, String provider) {
    OfficeClient.Answer answer =
        office.post("/internal/backfill/start", Map.of("user_id", userId, "provider", provider));
    if (answer.status() != 201) {
      throw new AssertionError("start answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  /** Waits until the job reaches {@code status} and returns it then. */
  public static JsonNode await(OfficeClient office, String jobId, String status, Duration within) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    Awaitility.await("job " + jobId + " to become " + status)
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode job = office.get("/internal/backfill/" + jobId).body();
              last.set(job);
              return status.equals(job.path("status").asString());
            });
    return last.get();
  }

  public static Instant instant(JsonNode job, String field) {
    return Instant.parse(job.path("window").path(field).asString());
  }
}
