-- Provider grants of deleted users, held for the office's purge (ARCHITECTURE §2, flow 6).
-- DELETE /v1/me copies each integration's encrypted tokens here (the envelopes as they are: their
-- associated data is user id, provider and purpose, none of which changes) before the user, the
-- integrations and their tokens are deleted, so the office can still stop the user's Gmail watch
-- and Calendar channels. A grant is released (revoked at the provider, then the row deleted) once
-- the office confirms its purge, or by the sweeper at release_at, whichever comes first. No FK to
-- users: the user is gone while the grant is held. No address: only what stopping needs.
CREATE TABLE held_grants (
    integration_id    uuid PRIMARY KEY,
    user_id           uuid        NOT NULL,
    provider          text        NOT NULL,
    scopes            text[]      NOT NULL DEFAULT '{}',
    access_token      bytea       NOT NULL,
    refresh_token     bytea,
    access_expires_at timestamptz NOT NULL,
    held_at           timestamptz NOT NULL,
    -- When the grant is revoked: the deadline at first, "now" once the office confirmed.
    release_at        timestamptz NOT NULL,
    -- A releasing instance holds the row until then, so two instances never revoke it at once
    -- and a crashed one's claim lapses.
    claimed_until     timestamptz,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text,
    UNIQUE (user_id, provider)
);
CREATE INDEX held_grants_release ON held_grants (release_at);
