package dev.officeflow.user.integration;

import dev.officeflow.user.google.GoogleOAuthClient;
import dev.officeflow.user.integration.store.TokenVault;
import dev.officeflow.user.outbox.PendingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Ends an integration: revokes the grant at the provider, then deletes the integration and its
 * tokens and announces it. The local deletion happens even when the provider cannot be reached: the
 * user asked for the connection to end, and without the tokens nothing here can use it.
 */
public class Disconnection {

  private static final Logger log = LoggerFactory.getLogger(Disconnection.class);

  private final TokenVault vault;
  private final IntegrationChanges changes;
  private final GoogleOAuthClient google;

  Disconnection(TokenVault vault, IntegrationChanges changes, GoogleOAuthClient google) {
    this.vault = vault;
    this.changes = changes;
    this.google = google;
  }

  /** Revokes the integration's grant at the provider; true when the provider confirmed it. */
  public Mono<Boolean> revokeAtProvider(Integration integration) {
    return vault
        .load(integration)
        .flatMap(
            tokens ->
                google
                    .revoke(
                        tokens.refreshToken() != null
                            ? tokens.refreshToken()
                            : tokens.accessToken())
                    .thenReturn(true))
        .defaultIfEmpty(false)
        .onErrorResume(
            e -> {
              log.warn(
                  "revoking integration {} of user {} at {} failed: {}",
                  integration.id(),
                  integration.userId(),
                  integration.provider(),
                  e.getMessage());
              return Mono.just(false);
            });
  }

  /** Deletes the integration and its tokens and announces it, inside the caller's transaction. */
  public Mono<Void> delete(Integration integration, boolean revoked, PendingEvents events) {
    return delete(
        integration, revoked ? "revoked at provider" : "not confirmed revoked at provider", events);
  }

  /** The same, with what became of the grant as the audit row's detail. */
  public Mono<Void> delete(Integration integration, String detail, PendingEvents events) {
    return changes.disconnected(integration, detail, events);
  }
}
