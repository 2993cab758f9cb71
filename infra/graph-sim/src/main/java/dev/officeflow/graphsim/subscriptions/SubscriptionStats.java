package dev.officeflow.graphsim.subscriptions;

import java.util.Map;

/**
 * What the subscriptions did since the start (or the last reset).
 *
 * @param created subscriptions created (handshake passed)
 * @param validationFailures handshakes that failed: no 200, a wrong token, or too slow
 * @param notificationsSent change notifications the receiver took (2xx)
 * @param notificationFailures failed attempts, change or lifecycle (a retried one counts each time)
 * @param notificationsRetried attempts scheduled again after a failure
 * @param notificationsGivenUp notifications abandoned when the retry window closed
 * @param notificationsDropped change notifications never sent: dropped on request, or the queue was
 *     full
 * @param lifecycleSent lifecycle notifications the receiver took, by {@code lifecycleEvent}
 * @param expired subscriptions removed because they expired
 * @param active subscriptions alive now
 */
public record SubscriptionStats(
    long created,
    long validationFailures,
    long notificationsSent,
    long notificationFailures,
    long notificationsRetried,
    long notificationsGivenUp,
    long notificationsDropped,
    Map<String, Long> lifecycleSent,
    long expired,
    long active) {

  public SubscriptionStats {
    lifecycleSent = Map.copyOf(lifecycleSent);
  }
}
