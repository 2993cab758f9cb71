package dev.officeflow.user.account;

import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.user.account.store.UserStore;
import dev.officeflow.user.integration.Disconnection;
import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.outbox.PendingEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "Delete my data": revokes every integration at its provider, then in one transaction deletes the
 * integrations, their tokens, the audit log and the user, records the user as forgotten (from then
 * on their unexpired user JWTs are refused here), and announces each integration's deletion and
 * finally {@code UserEvent(delete)}, on which every other service purges the user and refuses their
 * tokens too.
 */
public class AccountDeletion {

  private final UserStore users;
  private final Integrations integrations;
  private final Disconnection disconnection;
  private final EventTransactions transactions;
  private final ForgottenUsers forgotten;
  private final RuntimeProperties runtime;
  private final Clock clock;

  AccountDeletion(
      UserStore users,
      Integrations integrations,
      Disconnection disconnection,
      EventTransactions transactions,
      ForgottenUsers forgotten,
      RuntimeProperties runtime,
      Clock clock) {
    this.users = users;
    this.integrations = integrations;
    this.disconnection = disconnection;
    this.transactions = transactions;
    this.forgotten = forgotten;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Fails with 404 {@code user_not_found} when there is no such user (deleted already). */
  public Mono<Void> delete(UUID userId) {
    return users
        .find(userId)
        .switchIfEmpty(Mono.error(() -> Users.notFound(userId)))
        .thenMany(integrations.list(userId))
        .concatMap(i -> disconnection.revokeAtProvider(i).map(revoked -> Map.entry(i, revoked)))
        .collectList()
        .flatMap(revoked -> transactions.run(events -> deleteAll(userId, revoked, events)));
  }

  private Mono<Void> deleteAll(
      UUID userId, List<Map.Entry<Integration, Boolean>> revoked, PendingEvents events) {
    return Flux.fromIterable(revoked)
        .concatMap(e -> disconnection.delete(e.getKey(), e.getValue(), events))
        .then(users.delete(userId))
        .then(forgotten.forget(userId.toString()))
        .then(events.add(deleted(userId)));
  }

  private UserEvent deleted(UUID userId) {
    Instant now = clock.instant();
    RuntimeProperties.Service service = runtime.service();
    return new UserEvent(
        EventMetadata.create(service.name(), service.version(), userId.toString(), clock),
        userId.toString(),
        Operation.DELETE,
        null,
        now,
        now,
        null,
        null);
  }
}
