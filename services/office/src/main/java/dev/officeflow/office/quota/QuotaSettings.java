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
 * @param fairnessQueue how much outstanding work in a project bucket (reserved and not yet
 *     answered, in seconds of its rate) counts as contended; only then does the least-served rule
 *     apply, so it never leaves the bucket idle; default 0.5 s (at Gmail's 1,200,000 units a minute
 *     that is 10,000 units, twenty batches of 100 {@code messages.get}; at bench/scale's 120,000,
 *     two)
 * @param fairnessLead how far a user may be ahead of the least-served active user of a contended
 *     project budget, in seconds of the user's own rate (Gmail: 5 s is 500 units, one batch of 100
 *     {@code messages.get}), before its next call waits for the others; default 5 s
 * @param fairnessIdle how long after its last call was due a user stops counting as active for that
 *     rule (its job ended or paused), and its served units are forgotten; default 10 s
 */
@ConfigurationProperties("officeflow.office.quota")
public record QuotaSettings(
    @DefaultValue("10s") Duration burst,
    @DefaultValue("0.97") double rateUtilisation,
    @DefaultValue("0.9") double burstUtilisation,
    @DefaultValue("office:quota:") String keyPrefix,
    @DefaultValue("2m") Duration heldAtMost,
    @DefaultValue("500ms") Duration fairnessQueue,
    @DefaultValue("5s") Duration fairnessLead,
    @DefaultValue("10s") Duration fairnessIdle) {

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
    if (fairnessQueue.isNegative() || fairnessLead.isNegative() || fairnessIdle.isNegative()) {
      throw new IllegalArgumentException("fairness-queue, -lead and -idle must not be negative");
    }
  }

  /**
   * Settings with the fairness rule's defaults, for tests and tools that build them by hand (a
   * static factory: a second constructor would hide the canonical one from configuration binding).
   */
  public static QuotaSettings of(
      Duration burst,
      double rateUtilisation,
      double burstUtilisation,
      String keyPrefix,
      Duration heldAtMost) {
    return new QuotaSettings(
        burst,
        rateUtilisation,
        burstUtilisation,
        keyPrefix,
        heldAtMost,
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** How far ahead of the least-served active user a user of {@code budget} may be, in units. */
  public double fairnessLeadUnits(QuotaBudget budget) {
    return ratePerSecond(budget) * seconds(fairnessLead);
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
    return seconds(burst);
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
