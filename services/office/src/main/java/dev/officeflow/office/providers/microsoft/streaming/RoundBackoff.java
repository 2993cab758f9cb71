package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.adapter.ProviderFailure;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a resource waits for its next delta round after {@code failures} failed ones in a row:
 * {@code round-backoff} doubled per further failure, capped at {@code max-round-backoff}, with ±50
 * % jitter (so the rounds of many mailboxes failing together spread out), and never less than the
 * {@code Retry-After} Graph sent with its last refusal. The requests' own retries come first (the
 * client's, paced); this backoff is between rounds, so an outage costs a resource one failing round
 * per backoff step however many notifications arrive meanwhile.
 */
final class RoundBackoff {

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  RoundBackoff(Duration base, Duration max, DoubleSupplier random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /**
   * The wait after the {@code failures}-th failed round in a row (1-based) that ended in {@code
   * error}.
   */
  Duration after(int failures, Throwable error) {
    long doubled = base.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    long capped = Math.min(doubled, max.toMillis());
    Duration wait = Duration.ofMillis(Math.max(1, (long) (capped * (0.5 + random.getAsDouble()))));
    if (error instanceof ProviderFailure f && f.retryAfter().isPresent()) {
      Duration retryAfter = f.retryAfter().get();
      return retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
    return wait;
  }
}
