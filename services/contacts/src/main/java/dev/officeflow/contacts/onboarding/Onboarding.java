package dev.officeflow.contacts.onboarding;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The onboarding step of a user, from the backfill progress, the contacts and the selection. */
public final class Onboarding {

  private static final String COUNTS =
      """
      SELECT
        (SELECT count(*) FROM contacts WHERE user_id = :user AND rank_key IS NOT NULL) AS ranked,
        (SELECT count(*) FROM vip_selection WHERE user_id = :user) AS selected
      """;

  private final DatabaseClient db;
  private final BackfillProgressSource progress;

  Onboarding(DatabaseClient db, BackfillProgressSource progress) {
    this.db = db;
    this.progress = progress;
  }

  public Mono<OnboardingStatus> status(String userId) {
    Mono<long[]> counts =
        db.sql(COUNTS)
            .bind("user", userId)
            .map(
                (row, meta) ->
                    new long[] {row.get("ranked", Long.class), row.get("selected", Long.class)})
            .one();
    return Mono.zip(counts, progress.progress(userId))
        .map(t -> status(t.getT1()[0], (int) t.getT1()[1], t.getT2()));
  }

  private static OnboardingStatus status(long ranked, int selected, BackfillProgress backfill) {
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
    return new OnboardingStatus(step, connected, ranked > 0, ranked, selected, backfill);
  }
}
