-- The streaming reconciler (ARCHITECTURE §12 "Reconciler"): one row per user, provider and source
-- (gmail, calendar) whose backfill completed, i.e. who should stream live.
--
-- Rows come from backfill_jobs (the newest completed Google job of each user, unless it skipped the
-- source), so a completion whose in-process announcement was lost is still found. Several office
-- instances share the table: an instance works on a target only while it holds the target's lease
-- (lease_owner, lease_expires_at by the database clock, taken with one conditional UPDATE ... FOR
-- UPDATE SKIP LOCKED, as backfill jobs are), so one user's stream is never started twice at once.
-- A failed start backs the target off (attempts, next_attempt_at by the service's clock), which
-- survives restarts.
CREATE TABLE streaming_targets (
    user_id          text        NOT NULL,
    provider         text        NOT NULL,
    source           text        NOT NULL,
    -- The newest completed backfill: its id, creation time (database clock) and the Gmail history
    -- id it captured before listing the mailbox.
    job_id           uuid        NOT NULL,
    job_created_at   timestamptz NOT NULL,
    gmail_history_id bigint,
    -- The job streaming was last started from; differs from job_id until that start succeeded.
    started_job_id   uuid,
    -- The integration closed then: skipped until a backfill created later completes.
    closed_at        timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    lease_owner      text,
    lease_expires_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider, source),
    CONSTRAINT streaming_targets_source CHECK (source IN ('gmail', 'calendar'))
);

CREATE INDEX streaming_targets_due ON streaming_targets (source, next_attempt_at)
    WHERE closed_at IS NULL;

-- Adoption reads each user's newest completed job.
CREATE INDEX backfill_jobs_completed ON backfill_jobs (user_id, provider, created_at DESC)
    WHERE status = 'completed';
