package dev.officeflow.googlesim.quota;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of charging one call: allowed, or refused by one budget with the time until the call
 * would fit.
 *
 * @param retryAfter zero when allowed
 * @param refusedBy the budget that refused; null exactly when allowed
 */
public record QuotaDecision(boolean allowed, Duration retryAfter, @Nullable QuotaBudget refusedBy) {

  public static final QuotaDecision ALLOWED = new QuotaDecision(true, Duration.ZERO, null);

  public QuotaDecision {
    if (allowed != (refusedBy == null)) {
      throw new IllegalArgumentException("a refusal names its budget, an allowed call none");
    }
  }

  public static QuotaDecision refused(QuotaBudget budget, Duration retryAfter) {
    return new QuotaDecision(false, retryAfter, budget);
  }
}
