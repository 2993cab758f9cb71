-- A user's contacts version: a fresh sequence value on every write that can change the user's
-- ranked contacts (interactions written, a rescore, an aggregate rebuild). An instance that caches a
-- user's candidates compares it with one primary-key read, so a write on any instance is seen by
-- every other. Values never repeat, even after a purge recreates the row.
CREATE SEQUENCE contacts_version_seq;
ALTER TABLE user_state
    ADD COLUMN contacts_version bigint NOT NULL DEFAULT nextval('contacts_version_seq');
