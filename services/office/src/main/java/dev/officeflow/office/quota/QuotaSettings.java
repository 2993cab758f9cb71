package dev.officeflow.office.quota;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a provider's limits the office service spends ({@code officeflow.office.quota.*}).
 * Each adapter declares its budgets ({@link QuotaBudget}; Google's are {@code
 * officeflow.office.quota.gmail-units-per-minute}, {@code gmail-project-units-per-minute} and the
 * like); the model is one token bucket per user and budget and one per project and budget, each
 * refilled at {@code limit / 60} per second and holding {@code burst} worth of that rate.
 *
 * @param burst how much of the rate the provider's buckets hold when full; default 10 s
 * @param rateUtilisation the share of the rate spent; default 0.97, so a little slack absorbs
 *     timing differences between our bucket and Google's
 * @param burstUtilisation the share of the burst spent; default 0.9: the margin covers requests
 *     that reach Google later than they were paced (about 1 s of delay at the default rates)
 * @param keyPrefix Redis key prefix of the buckets; default {@code office:quota:}
 * @param heldAtMost how long after it was due a reservation nobody released (its caller died, or
 *     Redis failed the release) still counts as in flight; default 2 min, far above a call's
 *     timeouts
 */
@ConfigurationProperties("officeflow.office.quota")
public record QuotaSettings(
    @DefaultValue("10s") Duration burst,
    @DefaultValue("0.97") double rateUtilisation,
    @DefaultValue("0.9") double burstUtilisation,
    @DefaultValue("office:quota:") String keyPrefix,
    @DefaultValue("2m") Duration heldAtMost) {

  public QuotaSettings {
    if (rateUtilisation <= 0
        || rateUtilisation > 1
        || burstUtilisation < 0
        || burstUtilisation > 1) {
      throw new IllegalArgumentException("utilisations must be in (0, 1]");
    }
    if (heldAtMost.isNegative() || heldAtMost.isZero()) {
      throw new IllegalArgumentException("held-at-most must be positive");
    }
  }

  /** The rate this service spends of a user's {@code budget}, per second. */
  public double ratePerSecond(QuotaBudget budget) {
    return budget.limitPerSecond() * rateUtilisation;
  }

  /** The bucket capacity this service uses of a user's {@code budget}. */
  public double capacity(QuotaBudget budget) {
    return budget.limitPerSecond() * burstSeconds() * burstUtilisation;
  }

  /** The rate all instances together spend of the project's {@code budget}, per second. */
  public double projectRatePerSecond(QuotaBudget budget) {
    return budget.projectLimitPerSecond() * rateUtilisation;
  }

  /** The bucket capacity all instances together use of the project's {@code budget}. */
  public double projectCapacity(QuotaBudget budget) {
    return budget.projectLimitPerSecond() * burstSeconds() * burstUtilisation;
  }

  private double burstSeconds() {
    return burst.toNanos() / 1e9;
  }
}
