package dev.officeflow.user.integration;

import dev.officeflow.user.integration.store.IntegrationStore;
import dev.officeflow.user.integration.store.TokenVault;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A user's integrations and their decrypted tokens, as other features read them; changes go through
 * {@link IntegrationChanges} and {@link Disconnection}. Every read names the user.
 */
public class Integrations {

  private final IntegrationStore store;
  private final TokenVault vault;

  Integrations(IntegrationStore store, TokenVault vault) {
    this.store = store;
    this.vault = vault;
  }

  /** Empty when the user has no integration with this provider. */
  public Mono<Integration> find(String userId, String provider) {
    return store.find(userId, provider);
  }

  /** The user's integrations, by provider. */
  public Flux<Integration> list(String userId) {
    return store.list(userId);
  }

  /**
   * The integration's tokens; empty when it holds none. Fails with {@code TokenDecryptionException}
   * when they do not decrypt.
   */
  public Mono<ProviderTokens> tokens(Integration integration) {
    return vault.load(integration);
  }

  /**
   * Like {@link #tokens}, and locks them until the surrounding transaction ends, so only one
   * instance refreshes an integration's token at a time.
   */
  public Mono<ProviderTokens> tokensForUpdate(Integration integration) {
    return vault.loadForUpdate(integration);
  }
}
