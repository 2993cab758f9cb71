-- Contact events are written in the transaction that changes the contact (issue 20), and published
-- by a relay (outbox/OutboxRelay) that deletes each row once Pub/Sub acknowledged it: a crash or a
-- failed publish delays an event, never loses it, and the event id is fixed here. No plaintext
-- address: a row holds what the relay rebuilds the ContactEvent from (the hashed contact key, the
-- user, what changed, the scores as tags) and the one address the event names sealed with
-- AES-256-GCM under a key derived from the contact hash key (address/AddressSealer).
CREATE TABLE contact_outbox (
    id             bigserial   PRIMARY KEY,                 -- publish order
    event_id       uuid        NOT NULL UNIQUE,
    user_id        text        NOT NULL,
    contact_hash   text        NOT NULL,
    operation      text        NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
    provider       text        NOT NULL,
    sync_type      text        NOT NULL,
    last_updated   timestamptz NOT NULL,                    -- the database's clock, see below
    display_name   text,
    sealed_address bytea,                                   -- null on a delete
    tags           jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
-- The relay publishes a contact's events one after another: it takes only a contact's oldest row.
CREATE INDEX contact_outbox_contact ON contact_outbox (user_id, contact_hash, id);

-- What the contact was last announced as, so that a contact that vanishes (its interactions gone,
-- or found to be the user's own address) is announced as deleted under every provider its
-- documents were written for, with a last_updated newer than its last create or update.
-- announced_at is the database's clock (one clock for every instance), at least 1 ms after the
-- previous announcement. The contacts announced before this migration were all from Google, the one
-- provider officeflow reads so far.
ALTER TABLE contacts
    ADD COLUMN announced_at        timestamptz,
    ADD COLUMN announced_providers text[] NOT NULL DEFAULT '{}';
UPDATE contacts SET announced_providers = ARRAY['google'];

-- Purges that have begun (the user is in forgotten_users) and not yet finished: the purge sweeper
-- (purge/PurgeSweeper) finishes them even when the UserEvent that started one is gone.
CREATE TABLE pending_purges (
    user_id      text        PRIMARY KEY,
    requested_at timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
