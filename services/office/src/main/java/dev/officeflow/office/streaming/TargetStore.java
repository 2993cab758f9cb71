package dev.officeflow.office.streaming;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code streaming_targets} table: who should stream, each target's backoff, and the lease an
 * instance holds while it works on one (owner and expiry by the database clock, taken with one
 * conditional {@code UPDATE ... FOR UPDATE SKIP LOCKED}, as backfill jobs are), so that several
 * instances never (re)start one user's stream twice at once. Schedule times ({@code
 * next_attempt_at}) are the service's injected clock, as the streaming tables' are.
 */
final class TargetStore {

  private static final String KEY = "user_id = :user AND provider = :provider AND source = :source";
  private static final String FREE = "(lease_owner IS NULL OR lease_expires_at < now())";
  private static final String NOT_FORGOTTEN =
      "NOT EXISTS (SELECT 1 FROM forgotten_users f WHERE f.user_id = t.user_id)";

  private final DatabaseClient db;

  TargetStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Makes every user's newest completed backfill at {@code provider} that read {@code source} a
   * target of it, due at {@code now}: new users, and users whose newer backfill (a reconnect, a
   * resync) replaces the one streaming followed. Reads {@code backfill_jobs}, so a completion whose
   * in-process announcement was lost (a crash right after it was stored) is still found. A closed
   * target comes back only for a job created after it closed; forgotten users never. Answers how
   * many changed.
   */
  Mono<Long> adopt(String provider, String source, Instant now) {
    return db.sql(
            "INSERT INTO streaming_targets AS s (user_id, provider, source, job_id, job_created_at,"
                + " gmail_history_id, next_attempt_at) SELECT user_id, provider, :source, id,"
                + " created_at, gmail_history_id, :now FROM (SELECT DISTINCT ON (user_id, provider)"
                + " id, user_id, provider, created_at, gmail_history_id, skipped_sources"
                + " FROM backfill_jobs WHERE status = 'completed' AND provider = :provider"
                + " ORDER BY user_id, provider, created_at DESC) j"
                + " WHERE (j.skipped_sources::jsonb -> :source) IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM forgotten_users f WHERE f.user_id = j.user_id)"
                + " AND NOT EXISTS (SELECT 1 FROM streaming_targets x WHERE x.user_id = j.user_id"
                + " AND x.provider = j.provider AND x.source = :source"
                + " AND (x.job_created_at >= j.created_at OR x.closed_at >= j.created_at))"
                + " ON CONFLICT (user_id, provider, source) DO UPDATE SET job_id = EXCLUDED.job_id,"
                + " job_created_at = EXCLUDED.job_created_at,"
                + " gmail_history_id = EXCLUDED.gmail_history_id, closed_at = NULL, attempts = 0,"
                + " last_error = NULL, next_attempt_at = EXCLUDED.next_attempt_at,"
                + " updated_at = now() WHERE s.job_created_at < EXCLUDED.job_created_at"
                + " AND (s.closed_at IS NULL OR s.closed_at < EXCLUDED.job_created_at)")
        .bind("provider", provider)
        .bind("source", source)
        .bind("now", time(now))
        .fetch()
        .rowsUpdated();
  }

  /**
   * Claims up to {@code limit} targets of {@code source} that are due (backoff over), open, not
   * forgotten, not held by a live lease, and either never started from their job or in need of work
   * by {@code needsWork}. The condition is checked again on the locked rows.
   */
  Flux<StreamTarget> claim(
      String source,
      StreamSource.Condition needsWork,
      Instant now,
      String owner,
      Duration lease,
      int limit) {
    String claimable =
        "t.source = :source AND t.closed_at IS NULL AND t.next_attempt_at <= :now AND "
            + FREE.replace("lease_", "t.lease_")
            + " AND "
            + NOT_FORGOTTEN
            + " AND (t.started_job_id IS DISTINCT FROM t.job_id OR ("
            + needsWork.sql()
            + "))";
    GenericExecuteSpec spec =
        db.sql(
                "UPDATE streaming_targets u SET lease_owner = :owner,"
                    + " lease_expires_at = now() + :lease * interval '1 millisecond'"
                    + " FROM (SELECT t.user_id, t.provider, t.source FROM streaming_targets t"
                    + " WHERE "
                    + claimable
                    + " ORDER BY t.next_attempt_at LIMIT :limit FOR UPDATE OF t SKIP LOCKED) c"
                    + " WHERE u.user_id = c.user_id AND u.provider = c.provider"
                    + " AND u.source = c.source AND "
                    + FREE.replace("lease_", "u.lease_")
                    + " RETURNING u.*")
            .bind("source", source)
            .bind("now", time(now))
            .bind("owner", owner)
            .bind("lease", lease.toMillis())
            .bind("limit", limit);
    return bind(spec, needsWork.binds()).map(TargetStore::target).all();
  }

  /**
   * The target's stream runs from {@code target.jobId()}: backoff reset, lease released. False when
   * the lease was lost, or the target closed or its user was forgotten while it was being started.
   */
  Mono<Boolean> succeeded(StreamTarget target, String owner) {
    return keyed(
            "UPDATE streaming_targets t SET started_job_id = :job, attempts = 0,"
                + " last_error = NULL, lease_owner = NULL, lease_expires_at = NULL,"
                + " updated_at = now() WHERE "
                + KEY
                + " AND lease_owner = :owner AND closed_at IS NULL AND "
                + NOT_FORGOTTEN,
            target)
        .bind("job", target.jobId())
        .bind("owner", owner)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** A failed (re)start: one more attempt, the next one not before {@code next}. */
  Mono<Boolean> failed(StreamTarget target, String owner, String error, Instant next) {
    return keyed(
            "UPDATE streaming_targets SET attempts = attempts + 1, last_error = :error,"
                + " next_attempt_at = :next, lease_owner = NULL, lease_expires_at = NULL,"
                + " updated_at = now() WHERE "
                + KEY
                + " AND lease_owner = :owner",
            target)
        .bind("error", error)
        .bind("next", time(next))
        .bind("owner", owner)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** Whether the target is still wanted: open and its user not forgotten. */
  Mono<Boolean> wanted(StreamTarget target) {
    return keyed(
            "SELECT count(*) AS n FROM streaming_targets t WHERE "
                + KEY
                + " AND closed_at IS NULL AND "
                + NOT_FORGOTTEN,
            target)
        .map(row -> Objects.requireNonNull(row.get("n", Long.class)) > 0)
        .one();
  }

  /** Open targets of {@code source}, users not forgotten, whose stream is not {@code live}. */
  Mono<Long> countNotLive(String source, StreamSource.Condition live) {
    GenericExecuteSpec spec =
        db.sql(
                "SELECT count(*) AS n FROM streaming_targets t WHERE t.source = :source"
                    + " AND t.closed_at IS NULL AND "
                    + NOT_FORGOTTEN
                    + " AND NOT ("
                    + live.sql()
                    + ")")
            .bind("source", source);
    return bind(spec, live.binds())
        .map(row -> Objects.requireNonNull(row.get("n", Long.class)))
        .one();
  }

  /** The integration closed: its targets are skipped until a backfill created later completes. */
  Mono<Long> close(String userId, String provider) {
    return db.sql(
            "UPDATE streaming_targets SET closed_at = now(), updated_at = now()"
                + " WHERE user_id = :user AND provider = :provider AND closed_at IS NULL")
        .bind("user", userId)
        .bind("provider", provider)
        .fetch()
        .rowsUpdated();
  }

  /** The user was deleted: their targets go (the forgotten-users record keeps them away). */
  Mono<Long> forget(String userId) {
    return db.sql("DELETE FROM streaming_targets WHERE user_id = :user")
        .bind("user", userId)
        .fetch()
        .rowsUpdated();
  }

  private GenericExecuteSpec keyed(String sql, StreamTarget target) {
    return db.sql(sql)
        .bind("user", target.userId())
        .bind("provider", target.provider())
        .bind("source", target.source());
  }

  private static GenericExecuteSpec bind(GenericExecuteSpec spec, Map<String, Object> binds) {
    GenericExecuteSpec bound = spec;
    for (Map.Entry<String, Object> e : binds.entrySet()) {
      Object value = e.getValue() instanceof Instant i ? time(i) : e.getValue();
      bound = bound.bind(e.getKey(), value);
    }
    return bound;
  }

  private static StreamTarget target(Readable row) {
    return new StreamTarget(
        Objects.requireNonNull(row.get("user_id", String.class)),
        Objects.requireNonNull(row.get("provider", String.class)),
        Objects.requireNonNull(row.get("source", String.class)),
        Objects.requireNonNull(row.get("job_id", UUID.class)),
        Objects.requireNonNull(row.get("job_created_at", OffsetDateTime.class)).toInstant(),
        row.get("gmail_history_id", Long.class),
        row.get("started_job_id", UUID.class),
        Objects.requireNonNull(row.get("attempts", Integer.class)));
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
