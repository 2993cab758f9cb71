-- Recognisable candidates (issue 24): each contact's address, sealed under its user's own key so
-- the database still holds no plaintext address (address/AddressCipher). The user's key is
-- HKDF-SHA256 of a configured master key (named by address_key_id, for rotation) with the user's
-- random salt below; AES-256-GCM with the user and contact hash as associated data. The purge
-- deletes the salt with the user's other rows: any copy of their sealed addresses left elsewhere
-- can no longer be opened (crypto-erase).
-- Nothing to backfill: no plaintext address was ever stored. A contact gets its sealed address with
-- its next interaction (a new message or meeting naming it); until then it is served without one.
CREATE TABLE user_address_keys (
    user_id    text        PRIMARY KEY,
    salt       bytea       NOT NULL CHECK (length(salt) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE contacts
    ADD COLUMN address_ciphertext bytea,   -- 12-byte nonce, AES-GCM ciphertext and tag
    ADD COLUMN address_key_id     text,    -- the master key the user key was derived from
    ADD CONSTRAINT contacts_address_sealed_whole
        CHECK ((address_ciphertext IS NULL) = (address_key_id IS NULL));
