package dev.officeflow.office.backfill.store;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backfill jobs table. Every change a running job makes is conditional on its lease ({@code
 * lease_owner = :owner AND status = 'running'}) and answers whether it still held it: an instance
 * that lost its lease (expired and taken over, or the job was cancelled) learns so at its next
 * write and stops.
 */
public final class JobRepository {

  private static final String ACTIVE = "status IN ('queued', 'running')";
  private static final String OWNED = "id = :id AND lease_owner = :owner AND status = 'running'";

  /**
   * Claimable: queued and due, or running with an expired lease (its instance stopped renewing).
   * The WHERE clause is repeated on the outer UPDATE so a row changed between the sub-select and
   * the update is claimed only if it still qualifies.
   */
  private static final String CLAIMABLE =
      "((status = 'queued' AND next_run_at <= now())"
          + " OR (status = 'running' AND lease_expires_at < now()))";

  private final DatabaseClient db;

  public JobRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts the job, or completes empty when the user already has an active job. */
  public Mono<BackfillJob> insert(UUID id, NewJob job) {
    return insert(id, job, null);
  }

  /**
   * Inserts the job with the W3C {@code traceparent} its runs continue, or completes empty when the
   * user already has an active job.
   */
  public Mono<BackfillJob> insert(UUID id, NewJob job, @Nullable String traceparent) {
    GenericExecuteSpec spec =
        db.sql(
                "INSERT INTO backfill_jobs (id, user_id, provider, status, email_after,"
                    + " calendar_from, calendar_to, max_emails, max_events, traceparent) VALUES"
                    + " (:id, :user, :provider, 'queued', :emailAfter, :calendarFrom, :calendarTo,"
                    + " :maxEmails, :maxEvents, :traceparent) ON CONFLICT (user_id, provider) WHERE "
                    + ACTIVE
                    + " DO NOTHING RETURNING *")
            .bind("id", id)
            .bind("user", job.userId())
            .bind("provider", job.provider())
            .bind("emailAfter", time(job.emailAfter()))
            .bind("calendarFrom", time(job.calendarFrom()))
            .bind("calendarTo", time(job.calendarTo()))
            .bind("maxEmails", job.maxEmails())
            .bind("maxEvents", job.maxEvents());
    return nullable(spec, "traceparent", traceparent).map(JobRows::job).one();
  }

  public Mono<BackfillJob> find(UUID id) {
    return db.sql("SELECT * FROM backfill_jobs WHERE id = :id")
        .bind("id", id)
        .map(JobRows::job)
        .one();
  }

  public Mono<BackfillJob> findActive(String userId, String provider) {
    return db.sql(
            "SELECT * FROM backfill_jobs WHERE user_id = :user AND provider = :provider AND "
                + ACTIVE)
        .bind("user", userId)
        .bind("provider", provider)
        .map(JobRows::job)
        .one();
  }

  /** The user's jobs, newest first. */
  public Flux<BackfillJob> findByUser(String userId, int limit) {
    return db.sql(
            "SELECT * FROM backfill_jobs WHERE user_id = :user ORDER BY created_at DESC LIMIT"
                + " :limit")
        .bind("user", userId)
        .bind("limit", limit)
        .map(JobRows::job)
        .all();
  }

  /**
   * Claims one claimable job for {@code owner} with a lease of {@code ttl}. Taking over an expired
   * lease counts as a failed attempt of the run that held it.
   */
  public Mono<BackfillJob> claim(String owner, Duration ttl) {
    return db.sql(
            "UPDATE backfill_jobs j SET status = 'running', lease_owner = :owner,"
                + " lease_expires_at = now() + :ttl * interval '1 millisecond',"
                + " attempts = CASE WHEN j.status = 'running' THEN j.attempts + 1"
                + " ELSE j.attempts END, runs = j.runs + 1,"
                + " started_at = COALESCE(j.started_at, now()), updated_at = now()"
                + " WHERE j.id = (SELECT id FROM backfill_jobs WHERE "
                + CLAIMABLE
                + " ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED) AND "
                + CLAIMABLE
                    .replace("status", "j.status")
                    .replace("next_run_at", "j.next_run_at")
                    .replace("lease_expires_at", "j.lease_expires_at")
                + " RETURNING j.*")
        .bind("owner", owner)
        .bind("ttl", ttl.toMillis())
        .map(JobRows::job)
        .one();
  }

  /** Whether any job is claimable now (due, or its lease expired). */
  public Mono<Boolean> anyClaimable() {
    return db.sql("SELECT EXISTS (SELECT 1 FROM backfill_jobs WHERE " + CLAIMABLE + ") AS due")
        .map(row -> Boolean.TRUE.equals(row.get("due", Boolean.class)))
        .one();
  }

  /** Extends the lease; false when {@code owner} no longer holds it. */
  public Mono<Boolean> renew(UUID id, String owner, Duration ttl) {
    return owned(
        "lease_expires_at = now() + :ttl * interval '1 millisecond', updated_at = now()",
        id,
        owner,
        spec -> spec.bind("ttl", ttl.toMillis()));
  }

  /** Records progress (counters as increments) and extends the lease; false without the lease. */
  public Mono<Boolean> checkpoint(UUID id, String owner, Duration ttl, Progress p) {
    String set =
        "phase = :phase, page_token = :pageToken, last_item = :lastItem,"
            + " window_from = :windowFrom, window_to = :windowTo, window_open = :windowOpen,"
            + " phase_items = :phaseItems, fetched = fetched + :fetched,"
            + " published = published + :published, skipped = skipped + :skipped,"
            + " failed = failed + :failed, gmail_estimate = :mailEstimate,"
            + " calendar_estimate = :calendarEstimate, skipped_sources = :skippedSources,"
            + " gmail_history_id = COALESCE(gmail_history_id, :mailHistoryId),"
            + " attempts = CASE WHEN :progressed THEN 0 ELSE attempts END, error = NULL,"
            + " lease_expires_at = now() + :ttl * interval '1 millisecond', updated_at = now()";
    Progress.Claim claim = p.claim();
    if (claim == null) {
      return owned(
          set, id, owner, spec -> JobRows.bindProgress(spec, p).bind("ttl", ttl.toMillis()));
    }
    // One statement: the claim is recorded exactly when the checkpoint is, under the lease.
    GenericExecuteSpec spec =
        db.sql(
                "WITH job AS (UPDATE backfill_jobs SET "
                    + set
                    + " WHERE "
                    + OWNED
                    + " RETURNING user_id, provider)"
                    + " INSERT INTO backfill_coverage"
                    + " (user_id, provider, source, job_id, covered_to, covered_from, edge)"
                    + " SELECT user_id, provider, :source, :id, :coveredTo, :coveredFrom, :edge"
                    + " FROM job ON CONFLICT (job_id, source, covered_to) DO UPDATE SET"
                    + " covered_from = LEAST(backfill_coverage.covered_from,"
                    + " EXCLUDED.covered_from), edge = CASE WHEN EXCLUDED.covered_from"
                    + " < backfill_coverage.covered_from THEN EXCLUDED.edge"
                    + " ELSE backfill_coverage.edge END, recorded_at = now()")
            .bind("id", id)
            .bind("owner", owner)
            .bind("ttl", ttl.toMillis())
            .bind("source", claim.source())
            .bind("coveredTo", time(claim.to()))
            .bind("coveredFrom", time(claim.from()))
            .bind("edge", claim.edge().toArray(String[]::new));
    return JobRows.bindProgress(spec, p).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** The mailbox's history id the job captured when its Gmail phase started; empty if none. */
  public Mono<Long> mailHistoryId(UUID id) {
    return db.sql("SELECT gmail_history_id FROM backfill_jobs WHERE id = :id")
        .bind("id", id)
        .map(row -> java.util.Optional.ofNullable(row.get("gmail_history_id", Long.class)))
        .one()
        .flatMap(Mono::justOrEmpty);
  }

  public Mono<Boolean> complete(UUID id, String owner) {
    return owned(
        "status = 'completed', phase = 'done', page_token = NULL, last_item = NULL,"
            + " window_from = NULL, window_to = NULL, window_open = NULL,"
            + " error = NULL, finished_at = now(), updated_at = now(), "
            + noLease(),
        id,
        owner,
        spec -> spec);
  }

  /** Back to the queue, due after {@code delay}, e.g. to retry or to continue after the cap. */
  public Mono<Boolean> requeue(
      UUID id, String owner, Duration delay, int attempts, @Nullable String error) {
    return owned(
        "status = 'queued', next_run_at = now() + :delay * interval '1 millisecond',"
            + " attempts = :attempts, error = :error, updated_at = now(), "
            + noLease(),
        id,
        owner,
        spec ->
            nullable(
                spec.bind("delay", delay.toMillis()).bind("attempts", attempts), "error", error));
  }

  public Mono<Boolean> fail(UUID id, String owner, int attempts, String error) {
    return owned(
        "status = 'failed', attempts = :attempts, error = :error, finished_at = now(),"
            + " updated_at = now(), "
            + noLease(),
        id,
        owner,
        spec -> spec.bind("attempts", attempts).bind("error", error));
  }

  /** Hands a running job back to the queue at once (this instance is shutting down). */
  public Mono<Boolean> release(UUID id, String owner) {
    return owned(
        "status = 'queued', next_run_at = now(), updated_at = now(), " + noLease(),
        id,
        owner,
        spec -> spec);
  }

  /**
   * Cancels an active job; completes with the cancelled job, or empty when it is not active. A run
   * of it notices at its next lease renewal or checkpoint.
   */
  public Mono<BackfillJob> cancel(UUID id) {
    return db.sql(
            "UPDATE backfill_jobs SET status = 'cancelled', finished_at = now(), updated_at = now(), "
                + noLease()
                + " WHERE id = :id AND "
                + ACTIVE
                + " RETURNING *")
        .bind("id", id)
        .map(JobRows::job)
        .one();
  }

  /**
   * Fails an active job with {@code error} whoever runs it (its provider grant is gone); completes
   * with the failed job, or empty when it is not active. A run of it notices at its next lease
   * renewal or checkpoint, as for {@link #cancel}.
   */
  public Mono<BackfillJob> failActive(UUID id, String error) {
    return db.sql(
            "UPDATE backfill_jobs SET status = 'failed', error = :error, finished_at = now(),"
                + " updated_at = now(), "
                + noLease()
                + " WHERE id = :id AND "
                + ACTIVE
                + " RETURNING *")
        .bind("id", id)
        .bind("error", error)
        .map(JobRows::job)
        .one();
  }

  /**
   * Queues a failed job again, due now, with its attempts reset and its checkpoint, counters and
   * last error kept, so its next run resumes where it stopped. Completes with the queued job, or
   * empty when the job is not failed or the user has another active job for the provider (the
   * partial unique index would refuse it; checked here so the answer is empty rather than an error,
   * and the index still decides a race).
   */
  public Mono<BackfillJob> restart(UUID id) {
    return db.sql(
            "UPDATE backfill_jobs j SET status = 'queued', attempts = 0, next_run_at = now(),"
                + " finished_at = NULL, updated_at = now() WHERE j.id = :id"
                + " AND j.status = 'failed' AND NOT EXISTS (SELECT 1 FROM backfill_jobs a"
                + " WHERE a.user_id = j.user_id AND a.provider = j.provider AND a."
                + ACTIVE
                + ") RETURNING j.*")
        .bind("id", id)
        .map(JobRows::job)
        .one()
        .onErrorResume(DataIntegrityViolationException.class, e -> Mono.empty());
  }

  /**
   * Deletes every job of a user; completes with the number deleted. A run holding one of them loses
   * its lease at its next renewal or checkpoint and stops.
   */
  public Mono<Long> deleteByUser(String userId) {
    return db.sql("DELETE FROM backfill_jobs WHERE user_id = :userId")
        .bind("userId", userId)
        .fetch()
        .rowsUpdated();
  }

  private Mono<Boolean> owned(
      String set,
      UUID id,
      String owner,
      java.util.function.UnaryOperator<GenericExecuteSpec> binds) {
    GenericExecuteSpec spec =
        db.sql("UPDATE backfill_jobs SET " + set + " WHERE " + OWNED)
            .bind("id", id)
            .bind("owner", owner);
    return binds.apply(spec).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  private static String noLease() {
    return "lease_owner = NULL, lease_expires_at = NULL";
  }

  static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable Object value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
