-- The latest backfill job of each user as the office's progress events report it (topic progress,
-- ARCHITECTURE §3 "Progress"): whether the VIP candidates are still provisional (the job has read
-- part of the window only) and how far it has come. One row per user, replaced by a newer report of
-- the same job (higher sequence) or by a report of another job measured later; an older or
-- repeated report changes nothing. Purged with the user (purge/UserDataPurge).
CREATE TABLE backfill_job_progress (
    user_id     text        PRIMARY KEY,
    job_id      text        NOT NULL,
    provider    text        NOT NULL,
    sequence    bigint      NOT NULL,
    state       text        NOT NULL CHECK (state IN ('running', 'retrying', 'completed', 'failed')),
    phase       text        NOT NULL,
    provisional boolean     NOT NULL,
    percent     integer     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    measured_at timestamptz NOT NULL                  -- the report's last_updated
);
