-- Incremental windows by coverage (ARCHITECTURE §7): which time intervals of a user's windowed
-- source (mail) the office has read completely. A job reads only the newest part of its span not
-- covered yet, window by window; each checkpoint of a window records in the same statement what
-- the window has read so far (one row per job, source and window top, its bottom moving down), so
-- a job that died or failed halfway leaves exactly the unread part for the next job.
--
-- covered_from and covered_to are whole seconds, the resolution of provider queries; edge holds
-- the ids already read in the second below covered_from, so the job that reads that second does
-- not read them again. Coverage is dropped when the change feed that keeps it current stops: the
-- integration closed, the user forgotten, or the mailbox's history lost (a resync reads anew).
CREATE TABLE backfill_coverage (
    user_id      text        NOT NULL,
    provider     text        NOT NULL,
    source       text        NOT NULL,
    job_id       uuid        NOT NULL,
    covered_to   timestamptz NOT NULL,
    covered_from timestamptz NOT NULL,
    edge         text[]      NOT NULL DEFAULT '{}',
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, source, covered_to),
    CONSTRAINT backfill_coverage_order CHECK (covered_from <= covered_to)
);
CREATE INDEX backfill_coverage_user ON backfill_coverage (user_id, provider, source);

-- The window a job is reading (null: none, or a source read whole).
ALTER TABLE backfill_jobs ADD COLUMN window_from timestamptz;
ALTER TABLE backfill_jobs ADD COLUMN window_to timestamptz;
ALTER TABLE backfill_jobs ADD COLUMN window_open boolean;
