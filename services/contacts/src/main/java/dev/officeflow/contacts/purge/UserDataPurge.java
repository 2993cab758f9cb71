package dev.officeflow.contacts.purge;

import dev.officeflow.contacts.discovery.OwnAddresses;
import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deletes every row the service holds for a user, in one transaction. */
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
          "user_state");

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final OwnAddresses own;
  private final ForgottenUsers forgotten;

  UserDataPurge(
      DatabaseClient db, TransactionalOperator tx, OwnAddresses own, ForgottenUsers forgotten) {
    this.db = db;
    this.tx = tx;
    this.own = own;
    this.forgotten = forgotten;
  }

  /** Completes with the number of rows deleted. */
  Mono<Long> purge(String userId) {
    Mono<Long> work =
        Flux.fromIterable(TABLES)
            .concatMap(
                table ->
                    db.sql("DELETE FROM " + table + " WHERE user_id = :user")
                        .bind("user", userId)
                        .fetch()
                        .rowsUpdated())
            .reduce(0L, Long::sum);
    // Remembered first, in the same transaction: the user's token is refused from then on, and
    // (issue 20) their later events are settled as forgotten.
    return tx.transactional(forgotten.forget(userId).then(work))
        .doOnSuccess(rows -> own.forget(userId));
  }
}
