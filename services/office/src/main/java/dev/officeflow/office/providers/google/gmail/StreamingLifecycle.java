package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.office.tokens.PurgeTokens;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stops a user's stream when the integration closes or the user is forgotten. (Streams are started
 * after a backfill by the streaming reconciler.) The work runs asynchronously: the thread that
 * announced the event is never held.
 */
final class StreamingLifecycle {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(StreamingLifecycle.class);

  private final GmailStreams streams;

  StreamingLifecycle(GmailStreams streams) {
    this.streams = streams;
  }

  @EventListener
  void on(IntegrationClosed closed) {
    if (Sessions.GOOGLE.equals(closed.provider())) {
      // With the purge's tokens: when the user was deleted, the grant held for the purge is the
      // only one that can stop the watch (the purge stops it again when this fails).
      run("stop", closed.userId(), PurgeTokens.during(streams.stop(closed.userId())));
    }
  }

  @EventListener
  void on(UserForgotten forgotten) {
    run("stop", forgotten.userId(), streams.stop(forgotten.userId()));
  }

  private static void run(String what, String userId, Mono<Void> work) {
    work.subscribeOn(Schedulers.parallel())
        .subscribe(
            null,
            e ->
                LOG.atWarn()
                    .setMessage("gmail streaming " + what + " failed")
                    .addKeyValue("userId", userId)
                    .addKeyValue("reason", String.valueOf(e.getMessage()))
                    .log());
  }
}
