package dev.officeflow.office.providers.microsoft.streaming;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code microsoft_subscriptions} table: the Graph subscriptions the office holds. */
final class SubscriptionStore {

  /** A subscription as stored; its {@code clientState} only as its SHA-256. */
  record StoredSubscription(
      String subscriptionId, ResourceKey key, byte[] clientStateSha256, Instant expiresAt) {}

  private final DatabaseClient db;

  SubscriptionStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> insert(StoredSubscription s) {
    return DeltaStore.bind(
            db.sql(
                "INSERT INTO microsoft_subscriptions (subscription_id, user_id, provider, resource,"
                    + " client_state_sha256, expires_at) VALUES (:id, :user, :provider, :resource,"
                    + " :state, :expires)"),
            s.key())
        .bind("id", s.subscriptionId())
        .bind("state", s.clientStateSha256())
        .bind("expires", DeltaStore.time(s.expiresAt()))
        .then();
  }

  Mono<Void> renewed(String subscriptionId, Instant expiresAt) {
    return db.sql(
            "UPDATE microsoft_subscriptions SET expires_at = :expires, renewed_at = now()"
                + " WHERE subscription_id = :id")
        .bind("id", subscriptionId)
        .bind("expires", DeltaStore.time(expiresAt))
        .then();
  }

  Mono<StoredSubscription> find(String subscriptionId) {
    return db.sql("SELECT * FROM microsoft_subscriptions WHERE subscription_id = :id")
        .bind("id", subscriptionId)
        .map(SubscriptionStore::subscription)
        .one();
  }

  /** The resource's subscription, if it has one. */
  Mono<StoredSubscription> of(ResourceKey key) {
    return DeltaStore.bind(
            db.sql(
                "SELECT * FROM microsoft_subscriptions WHERE user_id = :user"
                    + " AND provider = :provider AND resource = :resource"
                    + " ORDER BY expires_at DESC LIMIT 1"),
            key)
        .map(SubscriptionStore::subscription)
        .one();
  }

  /** Deletes one; true when this call deleted it (the instance that then stops it at Graph). */
  Mono<Boolean> delete(String subscriptionId) {
    return db.sql("DELETE FROM microsoft_subscriptions WHERE subscription_id = :id")
        .bind("id", subscriptionId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** Every subscription of {@code userId}, left in place: a purge deletes each once stopped. */
  Flux<StoredSubscription> findAll(String userId) {
    return db.sql("SELECT * FROM microsoft_subscriptions WHERE user_id = :user")
        .bind("user", userId)
        .map(SubscriptionStore::subscription)
        .all();
  }

  /**
   * Removes every subscription of {@code userId} (of {@code provider} when given), to stop them.
   */
  Flux<StoredSubscription> takeAll(String userId, Optional<String> provider) {
    GenericExecuteSpec spec =
        provider.isPresent()
            ? db.sql(
                    "DELETE FROM microsoft_subscriptions WHERE user_id = :user"
                        + " AND provider = :provider RETURNING *")
                .bind("provider", provider.get())
            : db.sql("DELETE FROM microsoft_subscriptions WHERE user_id = :user RETURNING *");
    return spec.bind("user", userId).map(SubscriptionStore::subscription).all();
  }

  private static StoredSubscription subscription(Readable row) {
    return new StoredSubscription(
        Objects.requireNonNull(row.get("subscription_id", String.class)),
        DeltaStore.key(row),
        Objects.requireNonNull(row.get("client_state_sha256", byte[].class)),
        Objects.requireNonNull(row.get("expires_at", OffsetDateTime.class)).toInstant());
  }
}
