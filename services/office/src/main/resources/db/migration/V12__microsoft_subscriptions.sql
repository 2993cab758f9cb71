-- Microsoft streaming state (ARCHITECTURE §12 "Microsoft"): per user and resource (inbox, sent
-- items, events, contacts) the Graph delta link the next delta round starts from, and the Graph
-- change-notification subscription that tells us when to run it.
--
-- Several office instances share these tables, as calendar_sync: one delta round per user and
-- resource at a time under a lease (sync_owner, sync_expires_at by the database clock, one
-- conditional UPDATE); a notification that finds the lease taken only sets `pending`, and the
-- holder runs again before letting go. The delta link is replaced only after the round's events
-- are published. Subscriptions are created, renewed (PATCH) and recreated under the resource's
-- subscription lease the same way, so two instances never create one each.
CREATE TABLE microsoft_delta (
    user_id             text        NOT NULL,
    provider            text        NOT NULL,
    resource            text        NOT NULL,
    -- Null until the first round completed (and again after Graph refused it: 410).
    delta_link          text,
    -- The first round publishes only items modified since then (the backfill's start less a
    -- margin); null: everything (a resync from scratch).
    sync_from           timestamptz,
    pending             boolean     NOT NULL DEFAULT true,
    sync_owner          text,
    sync_expires_at     timestamptz,
    subscription_owner  text,
    subscription_expires_at timestamptz,
    -- Graph refused a subscription for good (403: the grant lacks the resource's scope).
    refused_at          timestamptz,
    last_synced_at      timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider, resource),
    CONSTRAINT microsoft_delta_resource
        CHECK (resource IN ('inbox', 'sentitems', 'events', 'contacts'))
);

CREATE TABLE microsoft_subscriptions (
    subscription_id     text        PRIMARY KEY,
    user_id             text        NOT NULL,
    provider            text        NOT NULL,
    resource            text        NOT NULL,
    -- SHA-256 of the subscription's clientState: the webhook compares hashes in constant time,
    -- the secret itself is not stored.
    client_state_sha256 bytea       NOT NULL,
    expires_at          timestamptz NOT NULL,
    renewed_at          timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (user_id, provider, resource)
        REFERENCES microsoft_delta (user_id, provider, resource) ON DELETE CASCADE
);

CREATE INDEX microsoft_subscriptions_by_resource
    ON microsoft_subscriptions (user_id, provider, resource);

-- The Microsoft stream is one streaming source, 'microsoft', whatever resources it covers.
ALTER TABLE streaming_targets DROP CONSTRAINT IF EXISTS streaming_targets_source;
ALTER TABLE streaming_targets ADD CONSTRAINT streaming_targets_source
    CHECK (source IN ('gmail', 'calendar', 'contacts', 'microsoft'));
