package dev.officeflow.contacts.purge;

import dev.officeflow.contacts.address.UserAddressKeys;
import dev.officeflow.contacts.discovery.OwnAddresses;
import dev.officeflow.contacts.discovery.UserLocks;
import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes every row the service holds for a user, in two steps. {@link #begin}: the user is
 * recorded as forgotten, and the purge as pending, in a transaction of its own, so from then on
 * their events are settled as forgotten and no write stores anything for them ({@link UserLocks}),
 * even if the deletes fail. {@link #finish}: under the user's lock taken exclusively (no write in
 * progress), every table is emptied of the user, the contact events not yet published included
 * (vespa-loader removes the user's whole group; the purge announces nothing), and the pending mark
 * goes with them. Both steps are idempotent; the sweeper finishes a purge whose event is gone.
 */
final class UserDataPurge {

  /** Every table keyed by user; a new table with user data must be listed here. */
  static final List<String> TABLES =
      List.of(
          "vip_selection",
          "interactions",
          "deleted_items",
          "contacts",
          "own_addresses",
          "integrations",
          "contact_outbox",
          "user_state",
          "backfill_job_progress",
          // The user's address salt: without it no copy of their sealed addresses opens again.
          UserAddressKeys.TABLE,
          "pending_purges");

  private static final String PENDING =
      "INSERT INTO pending_purges (user_id) VALUES (:user) ON CONFLICT (user_id) DO NOTHING";

  private static final String FAILED =
      "UPDATE pending_purges SET attempts = attempts + 1, last_error = :error WHERE user_id = :user";

  private static final int MAX_ERROR_LENGTH = 500;

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final UserLocks locks;
  private final OwnAddresses own;
  private final ForgottenUsers forgotten;

  UserDataPurge(
      DatabaseClient db,
      TransactionalOperator tx,
      UserLocks locks,
      OwnAddresses own,
      ForgottenUsers forgotten) {
    this.db = db;
    this.tx = tx;
    this.locks = locks;
    this.own = own;
    this.forgotten = forgotten;
  }

  /** Both steps; completes with the number of rows deleted. */
  Mono<Long> purge(String userId) {
    return begin(userId).then(Mono.defer(() -> finish(userId)));
  }

  /** Records the user as forgotten and the purge as pending, committed before anything else. */
  Mono<Void> begin(String userId) {
    return tx.transactional(
        forgotten.forget(userId).then(db.sql(PENDING).bind("user", userId).then()));
  }

  /** Deletes the user's rows once no write is in progress; the number of rows deleted. */
  Mono<Long> finish(String userId) {
    Mono<Long> deletes =
        Flux.fromIterable(TABLES)
            .concatMap(
                table ->
                    db.sql("DELETE FROM " + table + " WHERE user_id = :user")
                        .bind("user", userId)
                        .fetch()
                        .rowsUpdated())
            .reduce(0L, Long::sum);
    return tx.transactional(locks.lockForPurge(userId).then(deletes))
        .doOnSuccess(rows -> own.forget(userId))
        .onErrorResume(e -> recordFailure(userId, e).then(Mono.error(e)));
  }

  private Mono<Void> recordFailure(String userId, Throwable e) {
    String error = e.toString();
    return db.sql(FAILED)
        .bind("user", userId)
        .bind("error", error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH)))
        .then()
        .onErrorResume(ignored -> Mono.empty());
  }
}
