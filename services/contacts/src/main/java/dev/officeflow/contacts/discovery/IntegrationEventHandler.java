package dev.officeflow.contacts.discovery;

import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code contacts-integrations}: the account's own address is never a contact, and the connection's
 * status feeds the onboarding step. An older event never overwrites a newer one. A disconnect
 * ({@code delete}) only removes the connection: it learns nothing, since {@code DELETE /v1/me}
 * publishes one beside the {@code UserEvent(delete)}, and learning its address used to insert an
 * {@code own_addresses} row for the user just purged (issue 20). Nothing is written for a forgotten
 * user ({@link UserLocks}).
 */
final class IntegrationEventHandler implements EventHandler<IntegrationEvent> {

  private static final String UPSERT =
      """
      INSERT INTO integrations (user_id, integration_id, provider, status, updated_at)
      VALUES (:user, :integration, :provider, :status, :updated)
      ON CONFLICT (user_id, integration_id) DO UPDATE
        SET provider = EXCLUDED.provider, status = EXCLUDED.status,
            updated_at = EXCLUDED.updated_at
        WHERE integrations.updated_at <= EXCLUDED.updated_at
      """;

  private static final String REMOVE =
      "DELETE FROM integrations WHERE user_id = :user AND integration_id = :integration"
          + " AND updated_at <= :updated";

  private final OwnAddresses own;
  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final UserLocks locks;

  IntegrationEventHandler(
      OwnAddresses own, DatabaseClient db, TransactionalOperator tx, UserLocks locks) {
    this.own = own;
    this.db = db;
    this.tx = tx;
    this.locks = locks;
  }

  @Override
  public EventType type() {
    return EventType.INTEGRATION;
  }

  @Override
  public Mono<Outcome> handle(IntegrationEvent event, Delivery delivery) {
    Mono<Void> learn =
        event.operation() == Operation.DELETE
            ? Mono.empty()
            : own.learn(event.userId(), event.accountEmail());
    return learn.then(record(event)).thenReturn(Outcome.done());
  }

  private Mono<Void> record(IntegrationEvent event) {
    Mono<Void> write =
        locks
            .lockForWrites(event.userId())
            .filter(writable -> writable)
            .flatMap(writable -> statement(event));
    return tx.transactional(write);
  }

  private Mono<Void> statement(IntegrationEvent event) {
    OffsetDateTime updated = event.lastUpdated().atOffset(ZoneOffset.UTC);
    if (event.operation() == Operation.DELETE) {
      return db.sql(REMOVE)
          .bind("user", event.userId())
          .bind("integration", event.integrationId())
          .bind("updated", updated)
          .then();
    }
    return db.sql(UPSERT)
        .bind("user", event.userId())
        .bind("integration", event.integrationId())
        .bind("provider", event.provider())
        .bind("status", event.status().wire())
        .bind("updated", updated)
        .then();
  }
}
