package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.account.ResourceChange;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns account changes and lifecycle events into posts. Called on the thread that made the change:
 * it only looks subscriptions up and queues, so that request is never held up by a receiver.
 */
final class Notifications {

  private final SubscriptionStore store;
  private final NotificationSender sender;
  private final Counters counters;
  private final Clock clock;
  private final String tenantId;
  private final AtomicLong sequence = new AtomicLong();

  Notifications(
      SubscriptionStore store,
      NotificationSender sender,
      Counters counters,
      Clock clock,
      String tenantId) {
    this.store = store;
    this.sender = sender;
    this.counters = counters;
    this.clock = clock;
    this.tenantId = tenantId;
  }

  /** Notifies every live subscription of the account that hears {@code change}. */
  void changed(ResourceChange change) {
    Optional<ResourcePath.Owned> where = ResourcePath.parse(change.resource());
    if (where.isEmpty()) {
      return;
    }
    long seq = sequence.incrementAndGet();
    for (Subscription s : store.forAccount(change.accountId())) {
      if (s.hears(where.get().path(), change.changeType())) {
        notify(s, change, seq);
      }
    }
  }

  private void notify(Subscription s, ResourceChange change, long seq) {
    if (s.expiredAt(clock.instant())) {
      expire(s);
      return;
    }
    switch (store.takeDrop(s.id())) {
      case YES -> counters.dropped.incrementAndGet();
      case LAST -> {
        counters.dropped.incrementAndGet();
        lifecycle(s, LifecycleEvent.MISSED);
      }
      case NO -> {
        byte[] body = NotificationJson.change(s, change, seq, tenantId);
        var delivery =
            new NotificationSender.Delivery(
                URI.create(s.notificationUrl()), body, null, () -> live(s.id()));
        if (!sender.submit(delivery)) {
          // Graph tells a subscriber whose notifications it could not queue that it missed some.
          lifecycle(s, LifecycleEvent.MISSED);
        }
      }
    }
  }

  /**
   * Queues a lifecycle notification; false when the subscription has no lifecycle URL (Graph sends
   * lifecycle events only to subscriptions created with one).
   */
  boolean lifecycle(Subscription s, LifecycleEvent event) {
    if (s.lifecycleNotificationUrl() == null) {
      return false;
    }
    byte[] body = NotificationJson.lifecycle(s, event, tenantId);
    return sender.submit(
        new NotificationSender.Delivery(
            URI.create(s.lifecycleNotificationUrl()), body, event, () -> true));
  }

  /** Removes an expired subscription; Graph sends nothing when one runs out. */
  void expire(Subscription s) {
    if (store.remove(s.id()).isPresent()) {
      counters.expired.incrementAndGet();
    }
  }

  private boolean live(String id) {
    return store.get(id).filter(s -> !s.expiredAt(clock.instant())).isPresent();
  }

  /**
   * Removes expired subscriptions and warns, once per lifetime, those within {@code lead} of their
   * expiry with {@code reauthorizationRequired}.
   */
  void sweep(Duration lead) {
    Instant now = clock.instant();
    for (Subscription s : store.all()) {
      if (s.expiredAt(now)) {
        expire(s);
      } else if (!now.isBefore(s.expiration().minus(lead))
          && s.lifecycleNotificationUrl() != null
          && store.firstReauthorizationWarning(s.id())) {
        lifecycle(s, LifecycleEvent.REAUTHORIZATION_REQUIRED);
      }
    }
  }
}
