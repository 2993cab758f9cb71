-- Contact hashes are per user and name their key version: v<version>:<HMAC-SHA256 of the address
-- under the user's key>, the key HKDF-derived from the master key, the version and the user id
-- (address/ContactHasher). This table records which key wrote the stored hashes: the version and a
-- check value derived from the master key (never the key). At start the service compares it with
-- its own (address/HashKeyRotation): another version, or none recorded, deletes every stored hash
-- of another version, since none can match again; the same version with another key refuses to
-- start. The hashes written before this migration (one global key, no version) are thus deleted at
-- the first start; a backfill of each user rebuilds them.
CREATE TABLE hash_key_state (
    id        integer PRIMARY KEY CHECK (id = 1),
    version   integer NOT NULL,
    key_check text    NOT NULL
);
