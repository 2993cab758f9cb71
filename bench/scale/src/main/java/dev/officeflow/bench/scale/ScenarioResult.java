package dev.officeflow.bench.scale;

import java.util.List;
import java.util.Map;

/**
 * What one scenario measured; every duration in seconds.
 *
 * @param bounds the quota bounds, the binding one first ({@link QuotaBounds})
 * @param measured first connect → the last job finished
 * @param quotaErrors google-sim's refusals of the scenario's users ({@code quotaErrors})
 * @param quotaCounters every quota counter of google-sim, by path, for the scenario
 * @param jain Jain's index over each user's items ÷ backfill duration (job created → finished)
 * @param firstCandidates each user's connect → the contacts service has ranked contacts
 * @param fullBackfill each user's connect → job finished
 * @param jobCreated each user's connect → the office created the job (the integrations consumer)
 * @param jobStarted each user's job created → its first run started (waiting for a free run)
 * @param progressFinal each user's connect → the final progress event's {@code last_updated}
 * @param progressEvents the progress events received
 * @param runs runs each office instance finished in the scenario
 * @param done whether every job finished within the scenario's limit
 * @param contacts how far the contacts service had come with the scenario's events
 */
record ScenarioResult(
    String name,
    int users,
    List<QuotaBounds.Bound> bounds,
    double measured,
    long gmailUnits,
    double itemsPerUser,
    long quotaErrors,
    Map<String, Long> quotaCounters,
    double jain,
    List<Double> firstCandidates,
    List<Double> fullBackfill,
    List<Double> jobCreated,
    List<Double> jobStarted,
    List<Double> progressFinal,
    ProgressCount progressEvents,
    long failedJobs,
    long unfinishedJobs,
    Map<String, Long> runs,
    double wall,
    long queries,
    boolean done,
    Contacts contacts) {

  /**
   * The contacts service's consumption of the scenario's mail and calendar events.
   *
   * @param settledAtLastFinish events it had settled (every outcome) when the last job finished; -1
   *     unknown
   * @param outcomes what it did with the deliveries of the whole scenario, by outcome (more than
   *     the events published: redeliveries, and whatever earlier scenarios left it)
   */
  record Contacts(long settledAtLastFinish, Map<String, Long> outcomes) {}

  /** Progress events received: all, out of order (by sequence per job), provisional ones. */
  record ProgressCount(long events, long outOfOrder, long provisional) {}

  QuotaBounds.Bound binding() {
    return bounds.get(0);
  }

  /** The binding bound ÷ the measured time; NaN when not every job finished (nothing to time). */
  double efficiency() {
    return done ? binding().seconds() / measured : Double.NaN;
  }

  long withoutCandidates() {
    return users - firstCandidates.size();
  }
}
