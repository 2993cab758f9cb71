-- Google address-book sync state (ARCHITECTURE §12 "Contacts"): per user, provider and list
-- (connections, other_contacts) the People API sync token the next poll starts from.
--
-- The backfill stores each list's token once the list's last page is published; the streaming
-- reconciler polls a user when one of their lists is due (next_poll_at, by the service's clock),
-- publishes the changes and only then replaces the token it started from (a conditional UPDATE,
-- so an older poll never overwrites a newer backfill's token). An expired token (People keeps them
-- 7 days) is replaced after a full listing. The purge and a closed integration delete the rows.
CREATE TABLE contact_sync (
    user_id      text        NOT NULL,
    provider     text        NOT NULL,
    list         text        NOT NULL,
    sync_token   text        NOT NULL,
    next_poll_at timestamptz NOT NULL,
    synced_at    timestamptz NOT NULL DEFAULT now(),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider, list),
    CONSTRAINT contact_sync_list CHECK (list IN ('connections', 'other_contacts'))
);

-- The address book is a backfill phase ('contacts'; the mail phase is stored as 'mail' since the
-- provider boundary, 'gmail' before it) and a streaming source of its own. IF EXISTS: an earlier
-- migration may have replaced the constraint already; this one is the superset.
ALTER TABLE backfill_jobs DROP CONSTRAINT IF EXISTS backfill_jobs_phase;
ALTER TABLE backfill_jobs ADD CONSTRAINT backfill_jobs_phase
    CHECK (phase IN ('calendar', 'gmail', 'mail', 'contacts', 'done'));
ALTER TABLE streaming_targets DROP CONSTRAINT IF EXISTS streaming_targets_source;
ALTER TABLE streaming_targets ADD CONSTRAINT streaming_targets_source
    CHECK (source IN ('gmail', 'calendar', 'contacts'));
