package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.office.tokens.PurgeTokens;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * Stops streaming a user's Microsoft mailbox (subscriptions deleted at Graph, state forgotten) when
 * the integration closes or the user is deleted. The work runs after the listener returns: the
 * publisher's thread is never held.
 */
final class MicrosoftStreamingLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MicrosoftStreamingLifecycle.class);

  private final MicrosoftStreamSource source;

  MicrosoftStreamingLifecycle(MicrosoftStreamSource source) {
    this.source = source;
  }

  @EventListener
  void on(IntegrationClosed closed) {
    if (!MicrosoftStreamSource.PROVIDER.equals(closed.provider())) {
      return;
    }
    // With the purge's tokens: for a deleted user, the grant held for the purge is the only one
    // that can delete the subscriptions (the purge deletes them again when this fails).
    run(
        "stop streaming " + closed.userId(),
        PurgeTokens.during(source.stopAll(closed.userId(), Optional.of(closed.provider()))));
  }

  @EventListener
  void on(UserForgotten forgotten) {
    run("forget " + forgotten.userId(), source.stopAll(forgotten.userId(), Optional.empty()));
  }

  private static void run(String what, Mono<Void> work) {
    work.subscribe(null, e -> LOG.warn("microsoft streaming: {} failed: {}", what, e.toString()));
  }
}
