package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.account.ResourceChange;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Handler;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Graph's change notifications in one place: the {@link #api() /v1.0/subscriptions} and {@link
 * #admin() /admin/subscriptions} handlers, the listener for account changes ({@link
 * #changed(ResourceChange)}, give it to {@code GraphAccount#onChange}), and the same admin
 * operations in Java for tests. A background sweep removes expired subscriptions and sends {@code
 * reauthorizationRequired} ahead of expiry. Thread-safe; close it with the simulator.
 */
public final class GraphSubscriptions implements AutoCloseable {

  public static final String API_PREFIX = SubscriptionsApi.PREFIX;
  public static final String ADMIN_PREFIX = SubscriptionsAdmin.PREFIX;

  private final AtomicReference<SubscriptionSettings> settings;
  private final SubscriptionStore store = new SubscriptionStore();
  private final Counters counters = new Counters();
  private final NotificationSender sender;
  private final Notifications notifications;
  private final SubscriptionsApi api;
  private final SubscriptionsAdmin admin;
  private final ScheduledExecutorService sweeper;

  /**
   * @param tenantId the {@code tenantId} every notification carries
   * @param graphUrl Graph's root as clients reach it ({@code <base>v1.0})
   * @param emailOf an account id's address ({@code users/{address}/messages} names its owner)
   * @param idOf the account id behind an address or id (the admin routes take either)
   */
  public GraphSubscriptions(
      GraphGuard guard,
      Clock clock,
      String tenantId,
      Supplier<String> graphUrl,
      Function<String, Optional<String>> emailOf,
      Function<String, Optional<String>> idOf,
      SubscriptionSettings initial) {
    this.settings = new AtomicReference<>(initial);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.sender = new NotificationSender(http, initial, settings::get, counters, System::nanoTime);
    this.notifications = new Notifications(store, sender, counters, clock, tenantId);
    SubscriptionService service =
        new SubscriptionService(
            store, new ValidationHandshake(http), counters, clock, settings::get);
    this.api = new SubscriptionsApi(guard, store, service, notifications, emailOf, graphUrl, clock);
    this.admin = new SubscriptionsAdmin(this, idOf, graphUrl);
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "graph-sim-subscription-sweep");
              t.setDaemon(true);
              return t;
            });
    long every = initial.sweepInterval().toMillis();
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  public Handler api() {
    return api;
  }

  public Handler admin() {
    return admin;
  }

  /** Queues notifications for every subscription that hears {@code change}; never blocks. */
  public void changed(ResourceChange change) {
    notifications.changed(change);
  }

  /** Every live subscription, soonest expiry first. */
  public List<Subscription> list() {
    return store.all();
  }

  public List<Subscription> forAccount(String accountId) {
    return store.forAccount(accountId);
  }

  public Optional<Subscription> get(String id) {
    return store.get(id);
  }

  /** Expires a subscription now: it is removed and, as with Graph, nobody is told. */
  public boolean expireNow(String id) {
    Optional<Subscription> s = store.get(id);
    s.ifPresent(notifications::expire);
    return s.isPresent();
  }

  /**
   * Sends {@code event} to the subscription's lifecycle URL; {@code subscriptionRemoved} also
   * removes it. Empty when there is no such subscription; false when it has no lifecycle URL
   * (nothing is sent, though a removal still happens).
   */
  public Optional<Boolean> lifecycle(String id, LifecycleEvent event) {
    Optional<Subscription> s =
        event == LifecycleEvent.SUBSCRIPTION_REMOVED ? store.remove(id) : store.get(id);
    if (event == LifecycleEvent.REAUTHORIZATION_REQUIRED) {
      s.ifPresent(x -> store.firstReauthorizationWarning(x.id()));
    }
    return s.map(x -> notifications.lifecycle(x, event));
  }

  /**
   * Drops the subscription's next {@code count} change notifications, then sends {@code missed}:
   * what Graph does when it could not deliver. False when there is no such subscription.
   */
  public boolean dropNext(String id, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    if (store.get(id).isEmpty()) {
      return false;
    }
    store.dropNext(id, count);
    return true;
  }

  /**
   * Removes every subscription of the account with {@code subscriptionRemoved}, as Graph does when
   * the user's consent or account goes away; the number removed.
   */
  public int removeAll(String accountId) {
    List<Subscription> theirs = store.forAccount(accountId);
    theirs.forEach(s -> lifecycle(s.id(), LifecycleEvent.SUBSCRIPTION_REMOVED));
    return theirs.size();
  }

  /** Runs the expiry and reauthorization checks now instead of at the next tick. */
  public void sweep() {
    notifications.sweep(settings.get().reauthorizationLead());
  }

  public SubscriptionStats stats() {
    return counters.snapshot(store.size());
  }

  public SubscriptionSettings settings() {
    return settings.get();
  }

  /**
   * Changes the settings; the sender's threads, queue and the sweep interval keep their values from
   * the start.
   */
  public SubscriptionSettings updateSettings(UnaryOperator<SubscriptionSettings> change) {
    return settings.updateAndGet(change);
  }

  /** Forgets every subscription and count (queued notifications may still go out). */
  public void reset() {
    store.clear();
    counters.reset();
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      System.getLogger(GraphSubscriptions.class.getName())
          .log(System.Logger.Level.WARNING, "subscription sweep failed", e);
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    sender.close();
  }
}
