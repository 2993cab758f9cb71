-- User ids are opaque text (issue 25): users imported from the reference services keep the ids
-- those services gave them (their auth provider's id, e.g. a Clerk "user_2Nx..."), so their events
-- need no mapping. Existing ids stay as they are (a uuid's text is its canonical lower-case form,
-- the same text the token envelopes' associated data was built from, so every envelope still
-- decrypts); new users still get a random uuid, written as text by the service.
-- Every column that holds a user id changes with the key it references, in one transaction.

ALTER TABLE integrations DROP CONSTRAINT integrations_user_id_fkey;
ALTER TABLE integration_audit DROP CONSTRAINT integration_audit_user_id_fkey;

ALTER TABLE users ALTER COLUMN id TYPE text USING id::text;
ALTER TABLE integrations ALTER COLUMN user_id TYPE text USING user_id::text;
ALTER TABLE integration_audit ALTER COLUMN user_id TYPE text USING user_id::text;
ALTER TABLE held_grants ALTER COLUMN user_id TYPE text USING user_id::text;

ALTER TABLE integrations ADD CONSTRAINT integrations_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE integration_audit ADD CONSTRAINT integration_audit_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

-- The shape UserIds accepts, held by the database too: an id travels into URL paths, Pub/Sub
-- attributes, logs and other services' Redis keys, so no separators, quotes, globs, whitespace or
-- control characters; at most 255 characters, as the reference's external_auth_id column.
ALTER TABLE users ADD CONSTRAINT users_id_shape
    CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}$');
