package dev.officeflow.contacts.onboarding;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The onboarding step of a user, from the backfill progress, the contacts and the selection; and
 * whether the candidates are provisional, from the latest job's progress events.
 */
public final class Onboarding {

  private static final String COUNTS =
      """
      SELECT
        (SELECT count(*) FROM contacts WHERE user_id = :user AND rank_key IS NOT NULL) AS ranked,
        (SELECT count(*) FROM vip_selection WHERE user_id = :user) AS selected
      """;

  private final DatabaseClient db;
  private final BackfillProgressSource progress;
  private final LatestJobs jobs;

  Onboarding(DatabaseClient db, BackfillProgressSource progress, LatestJobs jobs) {
    this.db = db;
    this.progress = progress;
    this.jobs = jobs;
  }

  public Mono<OnboardingStatus> status(String userId) {
    Mono<long[]> counts =
        db.sql(COUNTS)
            .bind("user", userId)
            .map(
                (row, meta) ->
                    new long[] {row.get("ranked", Long.class), row.get("selected", Long.class)})
            .one();
    Mono<Optional<LatestJob>> job =
        jobs.find(userId).map(Optional::of).defaultIfEmpty(Optional.empty());
    return Mono.zip(counts, progress.progress(userId), job)
        .map(t -> status(t.getT1()[0], (int) t.getT1()[1], t.getT2(), t.getT3().orElse(null)));
  }

  private static OnboardingStatus status(
      long ranked, int selected, BackfillProgress backfill, @Nullable LatestJob job) {
    boolean connected = !backfill.state().equals(BackfillProgress.NOT_CONNECTED);
    String step;
    if (selected > 0) {
      step = "selected";
    } else if (!connected) {
      step = "not_connected";
    } else if (backfill.state().equals(BackfillProgress.RUNNING)) {
      step = "backfilling";
    } else {
      step = "ready";
    }
    return new OnboardingStatus(
        step, connected, ranked > 0, ranked, selected, backfill, provisional(backfill, job), job);
  }

  /**
   * The latest job's word when there is one. Without one (its first report not yet here, or a user
   * whose backfill ran before the office reported progress), what this service saw: candidates
   * still arriving are provisional, a quiet or unconnected user's are not.
   */
  private static boolean provisional(BackfillProgress backfill, @Nullable LatestJob job) {
    if (job != null) {
      return job.provisional();
    }
    return backfill.state().equals(BackfillProgress.RUNNING);
  }
}
