package dev.officeflow.office.providers.google.contacts;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code contact_sync} table ({@code V10__contact_sync.sql}): per user, provider and address
 * list, the People sync token the next poll starts from and when that poll is due (the service's
 * clock). A token is written only after the events of the listing that produced it were published,
 * and a poll replaces only the token it started from, so a backfill's newer token is never
 * overwritten by an older poll. Every statement is scoped to one user.
 */
final class ContactSyncStore {

  private final DatabaseClient db;

  ContactSyncStore(DatabaseClient db) {
    this.db = db;
  }

  /** Stores {@code token} as the list's cursor whatever it was (a full listing produced it). */
  Mono<Void> save(String user, String provider, AddressList list, String token, Instant nextPoll) {
    return db.sql(
            "INSERT INTO contact_sync (user_id, provider, list, sync_token, next_poll_at)"
                + " VALUES (:user, :provider, :list, :token, :next)"
                + " ON CONFLICT (user_id, provider, list) DO UPDATE SET"
                + " sync_token = EXCLUDED.sync_token, next_poll_at = EXCLUDED.next_poll_at,"
                + " synced_at = now()")
        .bind("user", user)
        .bind("provider", provider)
        .bind("list", list.wire())
        .bind("token", token)
        .bind("next", nextPoll.atOffset(ZoneOffset.UTC))
        .then();
  }

  /**
   * Moves the list's cursor from {@code from} to {@code to}; false when it is no longer {@code
   * from} (a backfill stored a newer one meanwhile, or the user was purged).
   */
  Mono<Boolean> advance(
      String user, String provider, AddressList list, String from, String to, Instant nextPoll) {
    return db.sql(
            "UPDATE contact_sync SET sync_token = :to, next_poll_at = :next, synced_at = now()"
                + " WHERE user_id = :user AND provider = :provider AND list = :list"
                + " AND sync_token = :from")
        .bind("user", user)
        .bind("provider", provider)
        .bind("list", list.wire())
        .bind("from", from)
        .bind("to", to)
        .bind("next", nextPoll.atOffset(ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** The user's stored cursors at {@code provider}, by list. */
  Mono<Map<AddressList, String>> tokens(String user, String provider) {
    return db.sql(
            "SELECT list, sync_token FROM contact_sync"
                + " WHERE user_id = :user AND provider = :provider")
        .bind("user", user)
        .bind("provider", provider)
        .map(ContactSyncStore::entry)
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** Forgets the user's cursors: of one provider or all, of one list or all. */
  Mono<Long> forget(String user, Optional<String> provider, Optional<AddressList> list) {
    String sql =
        "DELETE FROM contact_sync WHERE user_id = :user"
            + provider.map(p -> " AND provider = :provider").orElse("")
            + list.map(l -> " AND list = :list").orElse("");
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("user", user);
    if (provider.isPresent()) {
      spec = spec.bind("provider", provider.get());
    }
    if (list.isPresent()) {
      spec = spec.bind("list", list.get().wire());
    }
    return spec.fetch().rowsUpdated();
  }

  private static Map.Entry<AddressList, String> entry(Readable row) {
    return Map.entry(
        AddressList.fromWire(Objects.requireNonNull(row.get("list", String.class))),
        Objects.requireNonNull(row.get("sync_token", String.class)));
  }
}
