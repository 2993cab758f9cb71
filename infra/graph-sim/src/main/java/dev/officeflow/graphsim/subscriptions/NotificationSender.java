package dev.officeflow.graphsim.subscriptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Posts notifications from a bounded pool, never from the thread that made the change. A post the
 * receiver does not answer with 2xx is retried with exponential backoff until the retry window
 * closes, as Graph does (for up to four hours). When the queue is full the notification is dropped.
 */
final class NotificationSender implements AutoCloseable {

  /**
   * One notification to post.
   *
   * @param lifecycle the lifecycle event it carries, or null for a change notification
   * @param wanted checked before every attempt: false abandons it (the subscription is gone)
   */
  record Delivery(
      URI url, byte[] body, @Nullable LifecycleEvent lifecycle, BooleanSupplier wanted) {}

  private static final System.Logger LOG = System.getLogger(NotificationSender.class.getName());

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService retries;
  private final HttpClient http;
  private final Supplier<SubscriptionSettings> settings;
  private final Counters counters;
  private final LongSupplier nanoClock;

  NotificationSender(
      HttpClient http,
      SubscriptionSettings initial,
      Supplier<SubscriptionSettings> settings,
      Counters counters,
      LongSupplier nanoClock) {
    this.http = http;
    this.settings = settings;
    this.counters = counters;
    this.nanoClock = nanoClock;
    this.pool =
        new ThreadPoolExecutor(
            initial.senderThreads(),
            initial.senderThreads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(initial.queueCapacity()),
            daemon("graph-sim-notify"),
            new ThreadPoolExecutor.AbortPolicy());
    this.retries = Executors.newSingleThreadScheduledExecutor(daemon("graph-sim-notify-retry"));
  }

  /** Queues a first attempt; false (and counted as dropped) when the queue is full. */
  boolean submit(Delivery delivery) {
    return enqueue(delivery, 1, nanoClock.getAsLong());
  }

  private boolean enqueue(Delivery delivery, int attempt, long firstNanos) {
    try {
      pool.execute(() -> attempt(delivery, attempt, firstNanos));
      return true;
    } catch (RejectedExecutionException e) {
      counters.dropped.incrementAndGet();
      return false;
    }
  }

  private void attempt(Delivery delivery, int attempt, long firstNanos) {
    if (!delivery.wanted().getAsBoolean()) {
      return;
    }
    if (post(delivery)) {
      if (delivery.lifecycle() == null) {
        counters.sent.incrementAndGet();
      } else {
        counters.lifecycleSent(delivery.lifecycle());
      }
      return;
    }
    counters.failures.incrementAndGet();
    SubscriptionSettings s = settings.get();
    Duration delay = s.backoff(attempt);
    Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - firstNanos);
    if (elapsed.plus(delay).compareTo(s.retryWindow()) > 0) {
      counters.givenUp.incrementAndGet();
      return;
    }
    counters.retried.incrementAndGet();
    try {
      retries.schedule(
          () -> enqueue(delivery, attempt + 1, firstNanos), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // The simulator is closing: nothing is retried any more.
    }
  }

  private boolean post(Delivery delivery) {
    HttpRequest request =
        HttpRequest.newBuilder(delivery.url())
            .timeout(settings.get().deliveryTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "notification to " + delivery.url() + " failed", e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    retries.shutdownNow();
    pool.shutdownNow();
  }
}
