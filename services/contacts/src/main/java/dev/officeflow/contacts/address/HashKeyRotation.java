package dev.officeflow.contacts.address;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the stored hashes consistent with the hash key, once at start, before any event is hashed.
 * The database records the key version and a check value of the master key ({@code
 * hash_key_state}). When nothing is recorded yet, or another version is: every stored hash of
 * another version can no longer match (each user's key changed), so those rows are deleted (the
 * contacts, their interactions, the user's own addresses, the VIP selections, the contact events
 * not yet published, whose sealed addresses no longer open) and the new version is recorded; events
 * rebuild the data (a backfill). When the version is the recorded one but the key is not: the
 * service refuses to start, since its hashes would silently differ from the stored ones of that
 * version.
 */
final class HashKeyRotation {

  /** Every column that holds a contact hash; a new one must be listed here. */
  static final List<HashedColumn> HASHED_COLUMNS =
      List.of(
          new HashedColumn("vip_selection", "contact_hash"),
          new HashedColumn("interactions", "participant"),
          new HashedColumn("contacts", "contact_hash"),
          new HashedColumn("own_addresses", "contact_hash"),
          new HashedColumn("contact_outbox", "contact_hash"));

  private static final Logger log = LoggerFactory.getLogger(HashKeyRotation.class);

  private static final String RECORDED =
      "SELECT version, key_check FROM hash_key_state WHERE id = 1 FOR UPDATE";

  private static final String RECORD =
      """
      INSERT INTO hash_key_state (id, version, key_check) VALUES (1, :version, :check)
      ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, key_check = EXCLUDED.key_check
      """;

  /** Cached candidates are stale; a user left without a selection has none saved. */
  private static final String STALE_USER_STATE =
      """
      UPDATE user_state SET contacts_version = nextval('contacts_version_seq'),
        selection_saved_at = CASE WHEN user_id IN (SELECT user_id FROM vip_selection)
                                  THEN selection_saved_at END
      """;

  private final DatabaseClient db;
  private final TransactionalOperator tx;

  HashKeyRotation(DatabaseClient db, TransactionalOperator tx) {
    this.db = db;
    this.tx = tx;
  }

  /** Completes when the database holds only hashes of {@code hasher}'s key and version. */
  Mono<Void> apply(ContactHasher hasher) {
    Mono<Void> work =
        db.sql(RECORDED)
            .map(
                (row, meta) ->
                    new Recorded(
                        Objects.requireNonNull(row.get("version", Integer.class)),
                        Objects.requireNonNull(row.get("key_check", String.class))))
            .one()
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(recorded -> apply(hasher, recorded));
    return tx.transactional(work);
  }

  private Mono<Void> apply(ContactHasher hasher, Optional<Recorded> recorded) {
    String check = hasher.keyCheck();
    if (recorded.isPresent() && recorded.get().version() == hasher.version()) {
      return recorded.get().keyCheck().equals(check)
          ? Mono.empty()
          : Mono.error(new IllegalStateException(changedKey(hasher.version())));
    }
    String was = recorded.map(r -> "version " + r.version()).orElse("none recorded");
    return forgetOtherVersions(hasher.version())
        .doOnNext(rows -> logRotation(hasher.version(), was, rows))
        .then(
            db.sql(RECORD)
                .bind("version", hasher.version())
                .bind("check", check)
                .fetch()
                .rowsUpdated())
        .then();
  }

  private Mono<Long> forgetOtherVersions(int version) {
    String current = ContactHasher.prefix(version) + "%";
    return Flux.fromIterable(HASHED_COLUMNS)
        .concatMap(
            c ->
                db.sql("DELETE FROM " + c.table() + " WHERE " + c.column() + " NOT LIKE :current")
                    .bind("current", current)
                    .fetch()
                    .rowsUpdated())
        .reduce(0L, Long::sum)
        .flatMap(rows -> db.sql(STALE_USER_STATE).fetch().rowsUpdated().thenReturn(rows));
  }

  private static void logRotation(int version, String was, long rows) {
    if (rows == 0) {
      log.info("contact hash key version {} recorded (was: {})", version, was);
    } else {
      log.warn(
          "contact hash key version {} (was: {}): deleted {} rows hashed under another key"
              + " (contacts, interactions, own addresses, VIP selections); a backfill of each"
              + " user rebuilds all but the VIP selections",
          version,
          was,
          rows);
    }
  }

  private static String changedKey(int version) {
    return "officeflow.contacts.address.hash-key differs from the key that wrote the stored hashes"
        + " of version "
        + version
        + ": restore that key, or give the new one a new hash-key-version (stored contacts are"
        + " then deleted and rebuilt from events)";
  }

  /** A table and its column that holds contact hashes. */
  record HashedColumn(String table, String column) {}

  private record Recorded(int version, String keyCheck) {}
}
