package dev.officeflow.contacts.discovery;

import dev.officeflow.runtime.forget.DatabaseForgottenUsers;
import java.util.HashSet;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Keeps a user's writes and the user's purge apart (issue 20: a user deleted while events were
 * still arriving kept rows). Every write of user data first takes the user's lock shared, in its
 * transaction, then checks {@code forgotten_users}; the purge takes it exclusively before deleting.
 * So a write either commits before the purge deletes (and is deleted with the rest) or starts after
 * the purge recorded the user as forgotten (and writes nothing). The runtime's own forgotten check
 * settles most late events before they reach a handler; this closes the window of an event already
 * in a handler, or checked against another instance's cache, when the purge commits. PostgreSQL
 * transaction-level advisory locks (class {@value #LOCK_CLASS}, the user id's {@code hashtext}): a
 * collision between two users only makes one wait for the other. Thread-safe.
 */
public final class UserLocks {

  /** The advisory lock space of user writes; no other lock of the service uses it. */
  static final int LOCK_CLASS = 20;

  private static final String SHARED =
      "SELECT count(pg_advisory_xact_lock_shared("
          + LOCK_CLASS
          + ", hashtext(s.u)))"
          + " FROM (SELECT DISTINCT u FROM unnest(:users::text[]) AS u ORDER BY u) s";

  private static final String EXCLUSIVE =
      "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(:user))";

  private static final String FORGOTTEN =
      "SELECT user_id FROM "
          + DatabaseForgottenUsers.TABLE
          + " WHERE user_id = ANY (:users::text[])";

  private final DatabaseClient db;

  public UserLocks(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Takes the users' locks shared for the caller's transaction and completes with those of them who
   * are forgotten, whose data the caller must not write.
   */
  public Mono<Set<String>> lockForWrites(String[] users) {
    return db.sql(SHARED)
        .bind("users", users)
        .then()
        .then(
            db.sql(FORGOTTEN)
                .bind("users", users)
                .map((row, meta) -> row.get(0, String.class))
                .all()
                .collect(HashSet<String>::new, Set::add)
                .map(Set::copyOf));
  }

  /** True when {@code userId} may be written (lock taken shared, the user not forgotten). */
  public Mono<Boolean> lockForWrites(String userId) {
    return lockForWrites(new String[] {userId}).map(Set::isEmpty);
  }

  /** Takes the user's lock exclusively for the caller's transaction: no write is in progress. */
  public Mono<Void> lockForPurge(String userId) {
    return db.sql(EXCLUSIVE).bind("user", userId).then();
  }
}
