package dev.officeflow.office.lifecycle;

import reactor.core.publisher.Mono;

/**
 * What a feature keeps running at a provider for a user (a Gmail watch, Calendar channels), as the
 * purge of a deleted user stops it (ARCHITECTURE §2, flow 6). A feature that opens such things
 * declares one bean of this type; the purge calls each and confirms to the user service only when
 * every one has completed, so the grant they need is still held while they run.
 */
@FunctionalInterface
public interface ProviderWatches {

  /**
   * Stops the user's watches at the provider and forgets them here. Completes when each is stopped
   * or the provider says it is gone already (404/410), or when no grant is left to stop it with (it
   * then lapses by itself within days); fails when a step should be tried again (5xx, timeouts, the
   * user service unreachable). Safe to call again after any failure: what is stopped stays stopped,
   * and what is left is found again.
   */
  Mono<Void> stopAll(String userId);
}
