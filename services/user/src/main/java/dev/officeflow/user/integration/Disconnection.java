package dev.officeflow.user.integration;

import dev.officeflow.user.integration.store.TokenVault;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.outbox.PendingEvents;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Ends an integration: revokes the grant at the provider where the provider can (Google), then
 * deletes the integration and its tokens and announces it. The local deletion happens even when the
 * provider cannot be reached or has no revocation (the Microsoft identity platform): the user asked
 * for the connection to end, and without the tokens nothing here can use it. The audit row says
 * which it was.
 */
public class Disconnection {

  private static final Logger log = LoggerFactory.getLogger(Disconnection.class);

  /** What became of the grant at the provider. */
  public enum AtProvider {
    /** The provider confirmed the revocation. */
    REVOKED("revoked at provider"),
    /** The provider could not be reached or failed; the grant may still work there. */
    NOT_CONFIRMED("not confirmed revoked at provider"),
    /** The provider has no revocation endpoint: the grant is only forgotten here. */
    NOT_REVOCABLE(
        "forgotten, not revoked: the provider has no revocation endpoint; the tokens are deleted"
            + " here, and the grant ends when the user removes the app from their account or an"
            + " administrator revokes their sessions"),
    /** There were no tokens to revoke. */
    NO_TOKENS("no tokens held");

    private final String detail;

    AtProvider(String detail) {
      this.detail = detail;
    }

    public boolean revoked() {
      return this == REVOKED;
    }
  }

  private final TokenVault vault;
  private final IntegrationChanges changes;
  private final OAuthProviders providers;

  Disconnection(TokenVault vault, IntegrationChanges changes, OAuthProviders providers) {
    this.vault = vault;
    this.changes = changes;
    this.providers = providers;
  }

  /** Revokes the integration's grant at the provider where it can; what became of it. */
  public Mono<AtProvider> revokeAtProvider(Integration integration) {
    Optional<OAuthProvider> provider = providers.find(integration.provider());
    if (provider.isEmpty()) {
      return Mono.just(AtProvider.NOT_CONFIRMED);
    }
    return vault
        .load(integration)
        .flatMap(
            tokens ->
                provider
                    .get()
                    .revoke(
                        tokens.refreshToken() != null
                            ? tokens.refreshToken()
                            : tokens.accessToken())
                    .map(revoked -> revoked ? AtProvider.REVOKED : AtProvider.NOT_REVOCABLE))
        .defaultIfEmpty(AtProvider.NO_TOKENS)
        .onErrorResume(
            e -> {
              log.warn(
                  "revoking integration {} of user {} at {} failed: {}",
                  integration.id(),
                  integration.userId(),
                  integration.provider(),
                  e.getMessage());
              return Mono.just(AtProvider.NOT_CONFIRMED);
            });
  }

  /** Deletes the integration and its tokens and announces it, inside the caller's transaction. */
  public Mono<Void> delete(Integration integration, AtProvider atProvider, PendingEvents events) {
    return delete(integration, atProvider.detail, events);
  }

  /** The same, with what became of the grant as the audit row's detail. */
  public Mono<Void> delete(Integration integration, String detail, PendingEvents events) {
    return changes.disconnected(integration, detail, events);
  }
}
