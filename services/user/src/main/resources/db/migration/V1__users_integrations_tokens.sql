-- People, their provider integrations, the integrations' encrypted tokens, the audit log of
-- integration changes, and the outbox of events not yet confirmed published (ARCHITECTURE §6).

CREATE TABLE users (
    id         uuid PRIMARY KEY,
    email      text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE integrations (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider      text        NOT NULL,
    status        text        NOT NULL
        CHECK (status IN ('pending', 'active', 'error', 'expired', 'revoked')),
    account_email text,
    scopes        text[]      NOT NULL DEFAULT '{}',
    last_sync_at  timestamptz,
    error_message text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (user_id, provider)
);

-- Each token column holds an AES-256-GCM envelope: version, key id, nonce, ciphertext and tag.
-- The associated data binds it to the integration's user and provider, so a value copied to
-- another row does not decrypt.
CREATE TABLE integration_tokens (
    integration_id    uuid PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
    access_token      bytea       NOT NULL,
    refresh_token     bytea,
    access_expires_at timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- What changed on an integration and why. Deleted with the user ("delete my data").
CREATE TABLE integration_audit (
    id             bigserial PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    integration_id uuid        NOT NULL,
    provider       text        NOT NULL,
    action         text        NOT NULL,
    old_status     text,
    new_status     text,
    detail         text,
    at             timestamptz NOT NULL
);
CREATE INDEX integration_audit_user ON integration_audit (user_id, at);

-- Events written in the same transaction as the change they announce; deleted once published.
CREATE TABLE event_outbox (
    id         bigserial PRIMARY KEY,
    event_type text        NOT NULL,
    payload    bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
