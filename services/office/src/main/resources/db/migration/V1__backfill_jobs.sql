-- Backfill jobs (ARCHITECTURE §2 flow 2, §6). One row per job; a job is active while queued or
-- running, and at most one job per user and provider is active (backfill_jobs_one_active).
--
-- A running job is leased: lease_owner is the instance running it, lease_expires_at how long that
-- claim holds. The owner renews the lease while it runs (and with every checkpoint); another
-- instance takes the job over only after the lease has expired, with one atomic UPDATE whose WHERE
-- clause requires lease_expires_at < now(). Times compare against the database's clock, never an
-- instance's, so clock skew between instances cannot make two of them run one job.
CREATE TABLE backfill_jobs (
    id                 uuid        PRIMARY KEY,
    user_id            text        NOT NULL,
    provider           text        NOT NULL,
    status             text        NOT NULL,
    -- The window, fixed at creation so every run and resume reads the same items.
    email_after        timestamptz NOT NULL,
    calendar_from      timestamptz NOT NULL,
    calendar_to        timestamptz NOT NULL,
    max_emails         integer     NOT NULL,
    max_events         integer     NOT NULL,
    -- Counters, cumulative over runs, as of the last checkpoint.
    fetched            bigint      NOT NULL DEFAULT 0,
    published          bigint      NOT NULL DEFAULT 0,
    skipped            bigint      NOT NULL DEFAULT 0,
    failed             bigint      NOT NULL DEFAULT 0,
    gmail_estimate     bigint      NOT NULL DEFAULT 0,
    calendar_estimate  bigint      NOT NULL DEFAULT 0,
    -- Checkpoint: the phase, the page being read, the last item of it already published.
    phase              text        NOT NULL DEFAULT 'calendar',
    page_token         text,
    last_item          text,
    phase_items        integer     NOT NULL DEFAULT 0,
    -- Sources skipped and why, as a JSON object ({"calendar": "missing scope ..."}).
    skipped_sources    text        NOT NULL DEFAULT '{}',
    attempts           integer     NOT NULL DEFAULT 0,
    runs               integer     NOT NULL DEFAULT 0,
    error              text,
    next_run_at        timestamptz NOT NULL DEFAULT now(),
    lease_owner        text,
    lease_expires_at   timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    CONSTRAINT backfill_jobs_status
        CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT backfill_jobs_phase CHECK (phase IN ('calendar', 'gmail', 'done')),
    CONSTRAINT backfill_jobs_caps CHECK (max_emails >= 0 AND max_events >= 0),
    CONSTRAINT backfill_jobs_counters
        CHECK (fetched >= 0 AND published >= 0 AND skipped >= 0 AND failed >= 0),
    CONSTRAINT backfill_jobs_lease
        CHECK (status <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);

CREATE UNIQUE INDEX backfill_jobs_one_active
    ON backfill_jobs (user_id, provider)
    WHERE status IN ('queued', 'running');

-- What the instances poll: due queued jobs and running jobs whose lease may have expired.
CREATE INDEX backfill_jobs_due
    ON backfill_jobs (next_run_at)
    WHERE status IN ('queued', 'running');

CREATE INDEX backfill_jobs_by_user ON backfill_jobs (user_id, created_at DESC);
