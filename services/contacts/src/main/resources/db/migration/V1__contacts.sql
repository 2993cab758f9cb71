-- The contacts service's data (ARCHITECTURE §6). No plaintext address and no message content is
-- stored: participants are keyed HMAC-SHA256 hashes of normalised addresses; only a display name and
-- the address's domain are kept beside them.

-- One row per participant of one item (a message, a meeting occurrence). The primary key makes a
-- redelivered or re-run event a no-op.
CREATE TABLE interactions (
    user_id      text             NOT NULL,
    source       text             NOT NULL,   -- email | calendar
    source_id    text             NOT NULL,   -- provider item id, or <event id>_<epoch s> per occurrence
    participant  text             NOT NULL,   -- contact_hash
    item_id      text             NOT NULL,   -- provider item id: the unit of update and delete
    item_version timestamptz      NOT NULL,   -- the event's last_updated
    direction    text             NOT NULL,   -- outbound | inbound | shared
    kind         text             NOT NULL,   -- email_to | email_cc | email_from | email_shared | meeting
    copied       boolean          NOT NULL,   -- only on Cc (the contact outbound, the user inbound)
    group_size   integer          NOT NULL,   -- people on the item, the user included
    occurred_at  timestamptz      NOT NULL,
    automated    boolean          NOT NULL,
    display_name text,
    domain       text             NOT NULL,
    PRIMARY KEY (user_id, source, source_id, participant)
);
CREATE INDEX interactions_item ON interactions (user_id, source, item_id);
CREATE INDEX interactions_participant ON interactions (user_id, participant);

-- Deleted items, so that an older create delivered late cannot bring them back.
CREATE TABLE deleted_items (
    user_id      text        NOT NULL,
    source       text        NOT NULL,
    item_id      text        NOT NULL,
    item_version timestamptz NOT NULL,
    PRIMARY KEY (user_id, source, item_id)
);

-- Per-contact aggregates, maintained incrementally from interactions and rebuildable from them.
-- decayed_* are Σ 2^((occurred_at − 2024-01-01) / half-life) per category (see VipScoringSettings).
CREATE TABLE contacts (
    user_id                text             NOT NULL,
    contact_hash           text             NOT NULL,
    display_name           text,
    display_name_at        timestamptz,
    domain                 text,
    interactions           integer          NOT NULL,
    emails_sent_to         integer          NOT NULL,
    emails_sent_cc         integer          NOT NULL,
    emails_received        integer          NOT NULL,
    emails_shared          integer          NOT NULL,
    meetings               integer          NOT NULL,
    small_meetings         integer          NOT NULL,
    decayed_sent_to        double precision NOT NULL,
    decayed_sent_cc        double precision NOT NULL,
    decayed_received_to    double precision NOT NULL,
    decayed_received_cc    double precision NOT NULL,
    decayed_shared         double precision NOT NULL,
    decayed_small_meetings double precision NOT NULL,
    decayed_large_meetings double precision NOT NULL,
    automated              boolean          NOT NULL,
    first_seen             timestamptz      NOT NULL,
    last_seen              timestamptz      NOT NULL,
    last_outbound          timestamptz,
    vip_score              double precision NOT NULL DEFAULT 0,
    rank_key               double precision,
    score_band             text             NOT NULL DEFAULT 'none',
    score_factors          jsonb,
    scored_at              timestamptz,
    PRIMARY KEY (user_id, contact_hash)
);
CREATE INDEX contacts_rank ON contacts (user_id, rank_key DESC, contact_hash) WHERE rank_key IS NOT NULL;

-- The user's own addresses (hashed): never contacts.
CREATE TABLE own_addresses (
    user_id      text NOT NULL,
    contact_hash text NOT NULL,
    PRIMARY KEY (user_id, contact_hash)
);

-- What the integration events said about the user's provider connections.
CREATE TABLE integrations (
    user_id        text        NOT NULL,
    integration_id text        NOT NULL,
    provider       text        NOT NULL,
    status         text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (user_id, integration_id)
);

-- Per-user state: activity, scoring and onboarding.
CREATE TABLE user_state (
    user_id             text PRIMARY KEY,
    last_event_at       timestamptz,
    scoring_fingerprint text,
    scored_at           timestamptz,
    selection_saved_at  timestamptz
);

-- The user's chosen VIPs; rank 1 first.
CREATE TABLE vip_selection (
    user_id      text    NOT NULL,
    rank         integer NOT NULL,
    contact_hash text    NOT NULL,
    PRIMARY KEY (user_id, rank),
    UNIQUE (user_id, contact_hash)
);

-- The settings the stored decayed sums were computed with (one row).
CREATE TABLE aggregate_settings (
    id          integer PRIMARY KEY CHECK (id = 1),
    fingerprint text NOT NULL
);
