package dev.officeflow.office.backfill;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backfill windows, caps and job handling ({@code officeflow.office.backfill.*}).
 *
 * @param emailWindow how far back mail is read; default 30 days
 * @param calendarBack how far back events are read; default 30 days
 * @param calendarAhead how far ahead events are read; default 2 days
 * @param maxItems the cap per source and job, also the most a request may ask for; default 2,000
 * @param runTimeLimit how long one run may take before it checkpoints and lets the job continue in
 *     a later run; default 10 minutes
 * @param maxAttempts failed runs in a row (without progress) before the job fails; default 5
 * @param retryBackoff the delay before a failed job's next run, doubled per attempt (±25 % jitter);
 *     default 30 s
 * @param maxRetryBackoff the longest such delay; default 10 minutes
 * @param leaseTtl how long a run's claim holds without renewal: after a crash another instance
 *     takes the job over this long after the last renewal; default 30 s
 * @param leaseRenewal how often a running job renews its lease; default 10 s
 * @param pollInterval how often an instance looks for due jobs; default 1 s
 * @param maxConcurrentJobs jobs one instance runs at once; default 100. A running job mostly waits
 *     for its quota, and only running jobs take part in the project bucket's least-served order, so
 *     this is large: with 200 users on two instances, 32 each left 136 jobs waiting for a slot and
 *     the first to run finished several times faster than the rest (bench/scale)
 * @param instanceId this instance's name in leases; default host, pid and a random suffix
 * @param schedulerEnabled whether this instance runs jobs at all; default true
 * @param publishConcurrency events of one batch in flight to Pub/Sub at once; default 256
 * @param recentSlice how much recent mail a job reads first, as a window of its own, so that early
 *     candidates come from the closest contacts (ARCHITECTURE §7, "Progressive backfill"); default
 *     7 days
 * @param turn how long a run keeps going while other due jobs wait for a free slot on this
 *     instance: then it checkpoints and queues behind them, so a newly connected user is not stuck
 *     behind earlier large mailboxes; default 20 s
 * @param progressInterval the least time between two progress events of a running job (phase and
 *     window changes, and the run's end, are reported at once); default 2 s
 */
@ConfigurationProperties("officeflow.office.backfill")
public record BackfillSettings(
    @DefaultValue("30d") Duration emailWindow,
    @DefaultValue("30d") Duration calendarBack,
    @DefaultValue("2d") Duration calendarAhead,
    @DefaultValue("2000") int maxItems,
    @DefaultValue("10m") Duration runTimeLimit,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("30s") Duration retryBackoff,
    @DefaultValue("10m") Duration maxRetryBackoff,
    @DefaultValue("30s") Duration leaseTtl,
    @DefaultValue("10s") Duration leaseRenewal,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("100") int maxConcurrentJobs,
    @DefaultValue("") String instanceId,
    @DefaultValue("true") boolean schedulerEnabled,
    @DefaultValue("256") int publishConcurrency,
    @DefaultValue("7d") Duration recentSlice,
    @DefaultValue("20s") Duration turn,
    @DefaultValue("2s") Duration progressInterval) {

  public BackfillSettings {
    if (leaseRenewal.compareTo(leaseTtl) >= 0) {
      throw new IllegalArgumentException("lease-renewal must be shorter than lease-ttl");
    }
    if (recentSlice.isNegative() || (turn.isNegative() || turn.isZero())) {
      throw new IllegalArgumentException(
          "recent-slice must not be negative, turn must be positive");
    }
    if (maxAttempts < 1 || maxItems < 0 || maxConcurrentJobs < 1) {
      throw new IllegalArgumentException("max-attempts and max-concurrent-jobs must be positive");
    }
  }
}
