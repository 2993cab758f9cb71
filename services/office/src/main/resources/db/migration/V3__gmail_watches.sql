-- Gmail streaming (ARCHITECTURE §2 flow 3, §6): one row per user whose mailbox is watched.
--
-- history_id is where the next history.list starts. It only moves forward, and only after the
-- events of the history read up to it are published: the update is conditional
-- (WHERE history_id < :new), so two instances that read one user's history at the same time
-- cannot move it back, and the slower one's events are duplicates the idempotent consumers drop.
-- renewed_at and synced_at are the instances' injected clock (the scheduler decides with it);
-- claims for renewal and polling are conditional updates on them, so one instance does each.
CREATE TABLE gmail_watches (
    user_id            text        PRIMARY KEY,
    email_address      text        NOT NULL,
    history_id         bigint      NOT NULL,
    -- 'active', or 'resyncing' while a full resync (a backfill job) replaces a history id Gmail
    -- no longer knows (404).
    status             text        NOT NULL DEFAULT 'active',
    resync_job_id      uuid,
    watch_expires_at   timestamptz,
    renewed_at         timestamptz NOT NULL,
    synced_at          timestamptz NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT gmail_watches_status CHECK (status IN ('active', 'resyncing'))
);

-- Notifications name the mailbox by address.
CREATE INDEX gmail_watches_by_address ON gmail_watches (lower(email_address));

-- The mailbox's history id when a backfill's Gmail phase started: streaming starts there, so what
-- changed while the backfill ran is read again rather than missed.
ALTER TABLE backfill_jobs ADD COLUMN gmail_history_id bigint;
