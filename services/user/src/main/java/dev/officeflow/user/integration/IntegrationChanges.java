package dev.officeflow.user.integration;

import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.user.integration.store.AuditLog;
import dev.officeflow.user.integration.store.IntegrationStore;
import dev.officeflow.user.integration.store.TokenVault;
import dev.officeflow.user.outbox.PendingEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Every change of an integration's state, each with its audit row and, where consumers care, its
 * {@link IntegrationEvent}. Callers run these inside {@code EventTransactions.run}, so the change,
 * its audit row and its event commit together.
 */
public class IntegrationChanges {

  private final IntegrationStore store;
  private final TokenVault vault;
  private final AuditLog audit;
  private final RuntimeProperties runtime;
  private final Clock clock;

  IntegrationChanges(
      IntegrationStore store,
      TokenVault vault,
      AuditLog audit,
      RuntimeProperties runtime,
      Clock clock) {
    this.store = store;
    this.vault = vault;
    this.audit = audit;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Connected (or reconnected): active with this account, scopes and tokens; announces create. */
  public Mono<Integration> connected(
      String userId,
      String provider,
      String accountEmail,
      List<String> scopes,
      ProviderTokens tokens,
      PendingEvents events) {
    Instant now = clock.instant();
    return store
        .find(userId, provider)
        .map(existing -> Optional.of(existing.status()))
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            before ->
                store
                    .activate(userId, provider, accountEmail, scopes, now)
                    .flatMap(active -> recordConnected(active, before, tokens, now, events)));
  }

  private Mono<Integration> recordConnected(
      Integration active,
      Optional<IntegrationStatus> before,
      ProviderTokens tokens,
      Instant now,
      PendingEvents events) {
    String detail = "account " + active.accountEmail() + ", scopes " + active.scopes();
    return vault
        .save(active, tokens, now)
        .then(audit.record(active, "connected", before.orElse(null), active.status(), detail, now))
        .then(events.add(event(active, Operation.CREATE, active.status(), now)))
        .thenReturn(active);
  }

  /**
   * Imported from the reference services with the status, scopes and tokens it had there; empty,
   * changing nothing, when the user has an integration with the provider already. Announces create
   * only when asked to and active: an announced integration starts a backfill at the office.
   */
  public Mono<Integration> imported(
      String userId, ImportedGrant grant, boolean announce, PendingEvents events) {
    Instant now = clock.instant();
    return store
        .insert(userId, grant.provider(), grant.status(), grant.accountEmail(), grant.scopes(), now)
        .flatMap(
            created -> {
              Mono<Void> tokens =
                  grant.tokens() == null ? Mono.empty() : vault.save(created, grant.tokens(), now);
              Mono<Void> announced =
                  announce && created.status() == IntegrationStatus.ACTIVE
                      ? events.add(event(created, Operation.CREATE, created.status(), now))
                      : Mono.empty();
              String detail =
                  "imported from the reference services, scopes "
                      + created.scopes()
                      + (announce ? ", announced" : ", not announced");
              return tokens
                  .then(audit.record(created, "imported", null, created.status(), detail, now))
                  .then(announced)
                  .thenReturn(created);
            });
  }

  /** A refreshed access token (and the scopes Google reports with it); announces nothing. */
  public Mono<Void> refreshed(Integration integration, ProviderTokens tokens, List<String> scopes) {
    Mono<Void> scopeChange =
        scopes.isEmpty() || scopes.equals(integration.scopes())
            ? Mono.empty()
            : store.updateScopes(integration, scopes);
    return vault.save(integration, tokens, clock.instant()).then(scopeChange);
  }

  /** The provider refused the refresh token: revoked, tokens deleted; announces update. */
  public Mono<Integration> revoked(Integration integration, String reason, PendingEvents events) {
    return changeStatus(integration, IntegrationStatus.REVOKED, reason, events)
        .flatMap(revoked -> vault.delete(revoked).thenReturn(revoked));
  }

  /** The access token expired and there is no refresh token; announces update. */
  public Mono<Integration> expired(Integration integration, String reason, PendingEvents events) {
    return changeStatus(integration, IntegrationStatus.EXPIRED, reason, events);
  }

  /** Disconnected by the user: the integration and its tokens are gone; announces delete. */
  public Mono<Void> disconnected(Integration integration, String detail, PendingEvents events) {
    Instant now = clock.instant();
    return audit
        .record(integration, "disconnected", integration.status(), null, detail, now)
        .then(store.delete(integration))
        .then(events.add(event(integration, Operation.DELETE, IntegrationStatus.REVOKED, now)));
  }

  private Mono<Integration> changeStatus(
      Integration integration, IntegrationStatus status, String reason, PendingEvents events) {
    Instant now = clock.instant();
    return store
        .setStatus(integration, status, reason, now)
        .flatMap(
            changed ->
                audit
                    .record(changed, status.wire(), integration.status(), status, reason, now)
                    .then(events.add(event(changed, Operation.UPDATE, status, now)))
                    .thenReturn(changed));
  }

  private IntegrationEvent event(
      Integration integration, Operation operation, IntegrationStatus status, Instant changedAt) {
    String userId = integration.userId();
    RuntimeProperties.Service service = runtime.service();
    return new IntegrationEvent(
        EventMetadata.create(service.name(), service.version(), userId, clock),
        userId,
        operation,
        null,
        changedAt,
        clock.instant(),
        integration.provider(),
        integration.id().toString(),
        status,
        integration.accountEmail(),
        integration.scopes(),
        integration.errorMessage());
  }
}
