package dev.officeflow.graphsim.subscriptions;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How subscriptions behave. The defaults are Graph's documented ones; tests shorten the waits.
 *
 * @param maxLifetime the longest expiration Graph allows for Outlook messages, events and contacts:
 *     10,080 minutes (just under 7 days); a later {@code expirationDateTime} is refused
 * @param maxPerMailbox active subscriptions per mailbox (Graph: 1,000 for all apps together)
 * @param validationTimeout how long the validation handshake waits for the token (Graph: 10 s)
 * @param deliveryTimeout how long a notification POST may take before it counts as failed (10 s)
 * @param retryInitial the first retry's delay; each further one doubles, up to {@code retryMax}
 * @param retryMax the longest delay between two attempts (5 min)
 * @param retryWindow how long a failing notification is retried before it is given up (Graph: 4 h)
 * @param reauthorizationLead how long before expiry {@code reauthorizationRequired} is sent (1 h)
 * @param sweepInterval how often expiry and reauthorization are checked against the clock (1 s)
 * @param senderThreads threads posting notifications (4)
 * @param queueCapacity notifications waiting for a sender; beyond it they are dropped (10,000)
 */
public record SubscriptionSettings(
    Duration maxLifetime,
    int maxPerMailbox,
    Duration validationTimeout,
    Duration deliveryTimeout,
    Duration retryInitial,
    Duration retryMax,
    Duration retryWindow,
    Duration reauthorizationLead,
    Duration sweepInterval,
    int senderThreads,
    int queueCapacity) {

  public SubscriptionSettings {
    requirePositive(maxLifetime, "maxLifetime");
    requirePositive(validationTimeout, "validationTimeout");
    requirePositive(deliveryTimeout, "deliveryTimeout");
    requirePositive(retryInitial, "retryInitial");
    requirePositive(retryMax, "retryMax");
    requirePositive(sweepInterval, "sweepInterval");
    if (retryWindow.isNegative() || reauthorizationLead.isNegative()) {
      throw new IllegalArgumentException(
          "retryWindow and reauthorizationLead must not be negative");
    }
    if (maxPerMailbox < 1 || senderThreads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException(
          "maxPerMailbox, senderThreads and queueCapacity must be positive");
    }
  }

  public static SubscriptionSettings defaults() {
    return new SubscriptionSettings(
        Duration.ofMinutes(10_080),
        1_000,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        Duration.ofHours(4),
        Duration.ofHours(1),
        Duration.ofSeconds(1),
        4,
        10_000);
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
  public Duration backoff(int attempt) {
    Duration delay = retryInitial.multipliedBy(1L << Math.min(attempt - 1, 20));
    return delay.compareTo(retryMax) > 0 ? retryMax : delay;
  }

  public SubscriptionSettings withValidationTimeout(Duration d) {
    return copy(c -> c.validationTimeout = d);
  }

  /** Retries after {@code initial}, doubling up to {@code max}, for at most {@code window}. */
  public SubscriptionSettings withRetries(Duration initial, Duration max, Duration window) {
    return copy(
        c -> {
          c.retryInitial = initial;
          c.retryMax = max;
          c.retryWindow = window;
        });
  }

  public SubscriptionSettings withReauthorizationLead(Duration d) {
    return copy(c -> c.reauthorizationLead = d);
  }

  public SubscriptionSettings withDeliveryTimeout(Duration d) {
    return copy(c -> c.deliveryTimeout = d);
  }

  /** One sender thread delivers in order: what a test needs to show something was not sent. */
  public SubscriptionSettings withSenderThreads(int threads) {
    return copy(c -> c.senderThreads = threads);
  }

  /** These settings with what {@code change} sets changed: every wither's one constructor call. */
  private SubscriptionSettings copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /**
   * The components as fields, for {@link #copy}; the canonical constructor validates the result.
   */
  private static final class Copy {
    private Duration maxLifetime;
    private int maxPerMailbox;
    private Duration validationTimeout;
    private Duration deliveryTimeout;
    private Duration retryInitial;
    private Duration retryMax;
    private Duration retryWindow;
    private Duration reauthorizationLead;
    private Duration sweepInterval;
    private int senderThreads;
    private int queueCapacity;

    private Copy(SubscriptionSettings s) {
      maxLifetime = s.maxLifetime;
      maxPerMailbox = s.maxPerMailbox;
      validationTimeout = s.validationTimeout;
      deliveryTimeout = s.deliveryTimeout;
      retryInitial = s.retryInitial;
      retryMax = s.retryMax;
      retryWindow = s.retryWindow;
      reauthorizationLead = s.reauthorizationLead;
      sweepInterval = s.sweepInterval;
      senderThreads = s.senderThreads;
      queueCapacity = s.queueCapacity;
    }

    private SubscriptionSettings build() {
      return new SubscriptionSettings(
          maxLifetime,
          maxPerMailbox,
          validationTimeout,
          deliveryTimeout,
          retryInitial,
          retryMax,
          retryWindow,
          reauthorizationLead,
          sweepInterval,
          senderThreads,
          queueCapacity);
    }
  }
}
