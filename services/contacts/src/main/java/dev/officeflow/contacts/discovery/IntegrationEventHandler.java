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
import reactor.core.publisher.Mono;

/**
 * {@code contacts-integrations}: the account's own address is never a contact, and the connection's
 * status feeds the onboarding step. An older event never overwrites a newer one.
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

  IntegrationEventHandler(OwnAddresses own, DatabaseClient db) {
    this.own = own;
    this.db = db;
  }

  @Override
  public EventType type() {
    return EventType.INTEGRATION;
  }

  @Override
  public Mono<Outcome> handle(IntegrationEvent event, Delivery delivery) {
    return own.learn(event.userId(), event.accountEmail())
        .then(record(event))
        .thenReturn(Outcome.done());
  }

  private Mono<Void> record(IntegrationEvent event) {
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
