package dev.officeflow.office.providers.google.calendar;

import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.office.tokens.PurgeTokens;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * Stops streaming a user's calendars (channels stopped, state forgotten) when the integration
 * closes or the user is deleted. (Streaming starts after a backfill through the streaming
 * reconciler, {@link CalendarStreamSource}.) The work runs after the listener returns: the
 * publisher's thread is never held.
 */
final class CalendarLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarLifecycle.class);

  private final SyncStore store;
  private final ChannelKeeper keeper;

  CalendarLifecycle(SyncStore store, ChannelKeeper keeper) {
    this.store = store;
    this.keeper = keeper;
  }

  @EventListener
  void on(IntegrationClosed closed) {
    // With the purge's tokens: when the user was deleted, the grant held for the purge is the only
    // one that can stop the channels (the purge stops them again when this fails).
    run(
        "stop streaming " + closed.userId(),
        PurgeTokens.during(stop(closed.userId(), Optional.of(closed.provider()))));
  }

  @EventListener
  void on(UserForgotten forgotten) {
    run("forget " + forgotten.userId(), stop(forgotten.userId(), Optional.empty()));
  }

  /**
   * A deleted user's purge ({@code ProviderWatches}): every channel stopped at Google before it is
   * forgotten (a failed stop keeps its row and fails the purge, to be retried), then the calendars'
   * state.
   */
  Mono<Void> purge(String userId) {
    return keeper.stopForPurge(userId).then(store.forget(userId, Optional.empty())).then();
  }

  Mono<Void> stop(String userId, Optional<String> provider) {
    return keeper.stopAll(userId, provider).then(store.forget(userId, provider)).then();
  }

  private static void run(String what, Mono<Void> work) {
    work.subscribe(null, e -> LOG.warn("calendar streaming: {} failed: {}", what, e.toString()));
  }
}
