-- Calendar streaming state (ARCHITECTURE §2 flow 3, §6): one row per streamed calendar with its sync
-- token, and one row per open events.watch channel.
--
-- Several office instances share these tables. Whoever lists a calendar holds its sync lease
-- (sync_owner, sync_expires_at by the database clock, taken with one conditional UPDATE), so one
-- listing runs per calendar at a time; every token write is conditional on still holding it. A
-- notification that finds the lease taken only sets `pending`, and the holder releases the lease
-- only when `pending` is false (one UPDATE), else it lists again: one listing covers many
-- notifications, and none is lost between instances. Opening a channel (first, renewal, repair)
-- takes the calendar's channel lease the same way; stopping an old channel is a DELETE ...
-- RETURNING, so exactly one instance stops it.
CREATE TABLE calendar_sync (
    user_id            text        NOT NULL,
    provider           text        NOT NULL,
    calendar_id        text        NOT NULL,
    -- Null until the first listing completed; then only ever replaced after publishing.
    sync_token         text,
    -- Lower bound (updatedMin) of the first listing: the backfill's start minus a margin.
    sync_from          timestamptz,
    pending            boolean     NOT NULL DEFAULT true,
    sync_owner         text,
    sync_expires_at    timestamptz,
    channel_owner      text,
    channel_expires_at timestamptz,
    -- The safety-net listing is due then (by the service's clock).
    next_poll_at       timestamptz NOT NULL,
    last_synced_at     timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider, calendar_id)
);

CREATE INDEX calendar_sync_due ON calendar_sync (next_poll_at);

CREATE TABLE calendar_channels (
    channel_id   text        PRIMARY KEY,
    user_id      text        NOT NULL,
    provider     text        NOT NULL,
    calendar_id  text        NOT NULL,
    -- Null between the row (written first, so the first notifications find it) and the answer.
    resource_id  text,
    -- SHA-256 of the channel's secret token: the webhook compares hashes, the token is not stored.
    token_sha256 bytea       NOT NULL,
    expires_at   timestamptz NOT NULL,
    -- Set when a newer channel replaced this one: stopped at Google once this time has passed.
    stop_after   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (user_id, provider, calendar_id)
        REFERENCES calendar_sync (user_id, provider, calendar_id) ON DELETE CASCADE
);

CREATE INDEX calendar_channels_by_calendar ON calendar_channels (user_id, provider, calendar_id);
CREATE INDEX calendar_channels_to_stop ON calendar_channels (stop_after) WHERE stop_after IS NOT NULL;
