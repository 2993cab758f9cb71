package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.vip.ContactRows;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import io.r2dbc.spi.Readable;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The table {@code backfill_job_progress}: each user's latest job per provider. A report replaces
 * the provider's row when it is of the same job with a higher sequence, or of another job measured
 * later (the office runs one job per user and provider at a time, so a later job's reports are
 * measured after an earlier one's). The user's job is the one that has not completed, if any
 * (Google's and Microsoft's backfills run side by side, and the candidates are provisional until
 * both completed), else the one measured last. Every query names the user.
 */
final class LatestJobs {

  private static final String UPSERT =
      """
      INSERT INTO backfill_job_progress
          (user_id, job_id, provider, sequence, state, phase, provisional, percent, measured_at)
      VALUES (:user, :job, :provider, :sequence, :state, :phase, :provisional, :percent, :measured)
      ON CONFLICT (user_id, provider) DO UPDATE SET
          job_id = EXCLUDED.job_id, provider = EXCLUDED.provider, sequence = EXCLUDED.sequence,
          state = EXCLUDED.state, phase = EXCLUDED.phase, provisional = EXCLUDED.provisional,
          percent = EXCLUDED.percent, measured_at = EXCLUDED.measured_at
      WHERE (backfill_job_progress.job_id = EXCLUDED.job_id
             AND backfill_job_progress.sequence < EXCLUDED.sequence)
         OR (backfill_job_progress.job_id <> EXCLUDED.job_id
             AND backfill_job_progress.measured_at < EXCLUDED.measured_at)
      """;

  private static final String FIND =
      """
      SELECT job_id, provider, sequence, state, phase, provisional, percent, measured_at
      FROM backfill_job_progress WHERE user_id = :user
      ORDER BY provisional DESC, measured_at DESC, provider
      LIMIT 1
      """;

  private final DatabaseClient db;

  LatestJobs(DatabaseClient db) {
    this.db = db;
  }

  /** Records the report if it is newer than the user's; true when it was. */
  Mono<Boolean> record(ProgressEvent report) {
    return db.sql(UPSERT)
        .bind("user", report.userId())
        .bind("job", report.jobId())
        .bind("provider", report.provider())
        .bind("sequence", report.sequence())
        .bind("state", report.state().wire())
        .bind("phase", report.phase())
        .bind("provisional", report.provisional())
        .bind("percent", report.percent())
        .bind("measured", report.lastUpdated().atOffset(ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /**
   * The user's latest job still provisional, else their latest; empty when no report of theirs
   * arrived.
   */
  Mono<LatestJob> find(String userId) {
    return db.sql(FIND).bind("user", userId).map(LatestJobs::job).one();
  }

  private static LatestJob job(Readable row) {
    return new LatestJob(
        text(row, "job_id"),
        text(row, "provider"),
        ProgressState.fromWire(text(row, "state")),
        text(row, "phase"),
        Objects.requireNonNull(row.get("percent", Integer.class)),
        Boolean.TRUE.equals(row.get("provisional", Boolean.class)),
        Objects.requireNonNull(row.get("sequence", Long.class)),
        Objects.requireNonNull(ContactRows.optionalInstant(row, "measured_at")));
  }

  private static String text(Readable row, String column) {
    return Objects.requireNonNull(row.get(column, String.class), column);
  }
}
