package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.vip.ContactRows;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Backfill progress from what this service saw: an active integration (or any data) means
 * connected; data arriving within the quiet period means the backfill is still running. It cannot
 * know the total: that is the office service's to tell.
 */
final class LocalBackfillProgress implements BackfillProgressSource {

  private static final String QUERY =
      """
      SELECT
        (SELECT count(*) FROM integrations WHERE user_id = :user AND status = 'active') AS active,
        (SELECT count(*) FROM (SELECT DISTINCT source, item_id FROM interactions
                               WHERE user_id = :user) t) AS items,
        (SELECT last_event_at FROM user_state WHERE user_id = :user) AS last_event_at
      """;

  private final DatabaseClient db;
  private final OnboardingSettings settings;
  private final Clock clock;

  LocalBackfillProgress(DatabaseClient db, OnboardingSettings settings, Clock clock) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Mono<BackfillProgress> progress(String userId) {
    return db.sql(QUERY)
        .bind("user", userId)
        .map(
            (row, meta) -> {
              long active = row.get("active", Long.class);
              long items = row.get("items", Long.class);
              Instant last = ContactRows.optionalInstant(row, "last_event_at");
              return new BackfillProgress(
                  state(active, items, last), items, null, last, "contacts");
            })
        .one();
  }

  private String state(long active, long items, @Nullable Instant last) {
    if (active == 0 && items == 0 && last == null) {
      return BackfillProgress.NOT_CONNECTED;
    }
    if (last == null || last.plus(settings.quietPeriod()).isAfter(clock.instant())) {
      return BackfillProgress.RUNNING;
    }
    return BackfillProgress.DONE;
  }
}
