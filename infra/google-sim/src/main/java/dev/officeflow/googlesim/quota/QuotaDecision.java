package dev.officeflow.googlesim.quota;

import java.time.Duration;

/**
 * The outcome of charging one call: allowed, or refused with the time until it would fit.
 *
 * @param retryAfter zero when allowed
 */
public record QuotaDecision(boolean allowed, Duration retryAfter) {

  public static final QuotaDecision ALLOWED = new QuotaDecision(true, Duration.ZERO);

  public static QuotaDecision refused(Duration retryAfter) {
    return new QuotaDecision(false, retryAfter);
  }
}
