package dev.officeflow.office.streaming;

import dev.officeflow.office.lifecycle.BackfillCompleted;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * Keeps the streaming targets in step with a user's life: a completed backfill wakes the reconciler
 * (which adopts it from the jobs table, so nothing is lost if this announcement is), a closed
 * integration closes its targets, a forgotten user's targets go. Listeners only subscribe: the
 * announcing thread is never held.
 */
final class TargetLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(TargetLifecycle.class);

  private final TargetStore store;
  private final StreamingReconciler reconciler;

  TargetLifecycle(TargetStore store, StreamingReconciler reconciler) {
    this.store = store;
    this.reconciler = reconciler;
  }

  @EventListener
  void on(BackfillCompleted completed) {
    reconciler.wakeUp();
  }

  @EventListener
  void on(IntegrationClosed closed) {
    run("close", closed.userId(), store.close(closed.userId(), closed.provider()));
  }

  @EventListener
  void on(UserForgotten forgotten) {
    run("forget", forgotten.userId(), store.forget(forgotten.userId()));
  }

  private static void run(String what, String userId, Mono<Long> work) {
    work.subscribe(
        null,
        e ->
            LOG.atWarn()
                .setMessage("streaming targets: " + what + " failed")
                .addKeyValue("userId", userId)
                .addKeyValue("reason", String.valueOf(e.getMessage()))
                .log());
  }
}
