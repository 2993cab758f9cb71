package dev.officeflow.office.streaming.gmail;

import dev.officeflow.office.lifecycle.BackfillCompleted;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Starts a user's stream after a Google backfill completes (the first, or a resync), and stops it
 * when the integration closes or the user is forgotten. The work runs asynchronously: the thread
 * that announced the event is never held.
 */
final class StreamingLifecycle {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(StreamingLifecycle.class);

  private final GmailStreams streams;

  StreamingLifecycle(GmailStreams streams) {
    this.streams = streams;
  }

  @EventListener
  void on(BackfillCompleted completed) {
    if (Sessions.GOOGLE.equals(completed.provider())) {
      run(
          "start",
          completed.userId(),
          streams.start(completed.userId(), completed.gmailHistoryId()));
    }
  }

  @EventListener
  void on(IntegrationClosed closed) {
    if (Sessions.GOOGLE.equals(closed.provider())) {
      run("stop", closed.userId(), streams.stop(closed.userId()));
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
