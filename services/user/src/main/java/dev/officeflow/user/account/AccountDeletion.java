package dev.officeflow.user.account;

import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.user.account.store.UserStore;
import dev.officeflow.user.integration.Disconnection;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.outbox.PendingEvents;
import dev.officeflow.user.purge.HeldGrants;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * "Delete my data" (ARCHITECTURE §2, flow 6). In one transaction: the provider grants are held for
 * the office's purge ({@link HeldGrants}: the encrypted tokens alone, no address), the
 * integrations, their tokens, the audit log and the user are deleted, the user is recorded as
 * forgotten (from then on their user JWTs and their tokens are refused here), each integration's
 * deletion and finally {@code UserEvent(delete)} are announced. Nothing is revoked yet: the office
 * still needs the grant to stop the user's Gmail watch and Calendar channels, and confirms when it
 * has, which releases it; the sweeper releases it at the deadline otherwise.
 */
public class AccountDeletion {

  private static final String DETAIL = "account deleted; grant held for the office's purge";

  private final UserStore users;
  private final Integrations integrations;
  private final Disconnection disconnection;
  private final HeldGrants held;
  private final EventTransactions transactions;
  private final ForgottenUsers forgotten;
  private final RuntimeProperties runtime;
  private final Clock clock;

  AccountDeletion(
      UserStore users,
      Integrations integrations,
      Disconnection disconnection,
      HeldGrants held,
      EventTransactions transactions,
      ForgottenUsers forgotten,
      RuntimeProperties runtime,
      Clock clock) {
    this.users = users;
    this.integrations = integrations;
    this.disconnection = disconnection;
    this.held = held;
    this.transactions = transactions;
    this.forgotten = forgotten;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Fails with 404 {@code user_not_found} when there is no such user (deleted already). */
  public Mono<Void> delete(String userId) {
    return users
        .find(userId)
        .switchIfEmpty(Mono.error(() -> Users.notFound(userId)))
        .then(transactions.run(events -> deleteAll(userId, events)));
  }

  private Mono<Void> deleteAll(String userId, PendingEvents events) {
    return held.hold(userId)
        .thenMany(integrations.list(userId))
        .concatMap(integration -> disconnection.delete(integration, DETAIL, events))
        .then(users.delete(userId))
        .then(forgotten.forget(userId))
        .then(events.add(deleted(userId)));
  }

  private UserEvent deleted(String userId) {
    Instant now = clock.instant();
    RuntimeProperties.Service service = runtime.service();
    return new UserEvent(
        EventMetadata.create(service.name(), service.version(), userId, clock),
        userId,
        Operation.DELETE,
        null,
        now,
        now,
        null,
        null);
  }
}
