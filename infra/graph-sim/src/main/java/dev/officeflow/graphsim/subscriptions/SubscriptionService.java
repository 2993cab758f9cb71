package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.web.GraphException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Creates, renews and reauthorizes subscriptions as Graph does: the expiration is checked against
 * the documented maximum, then every notification URL must pass the validation handshake.
 */
final class SubscriptionService {

  private final SubscriptionStore store;
  private final ValidationHandshake handshake;
  private final Counters counters;
  private final Clock clock;
  private final Supplier<SubscriptionSettings> settings;

  SubscriptionService(
      SubscriptionStore store,
      ValidationHandshake handshake,
      Counters counters,
      Clock clock,
      Supplier<SubscriptionSettings> settings) {
    this.store = store;
    this.handshake = handshake;
    this.counters = counters;
    this.clock = clock;
    this.settings = settings;
  }

  Subscription create(String accountId, String applicationId, SubscriptionRequest request) {
    SubscriptionSettings s = settings.get();
    Instant expiration =
        SubscriptionRequest.checkLifetime(request.expiration(), clock.instant(), s.maxLifetime());
    if (store.forAccount(accountId).size() >= s.maxPerMailbox()) {
      throw new GraphException(
          403,
          "ExtensionError",
          "The mailbox already has "
              + s.maxPerMailbox()
              + " active subscriptions, the most Outlook allows.");
    }
    validate(request.notificationUrl(), request.lifecycleNotificationUrl());
    Subscription created =
        new Subscription(
            UUID.randomUUID().toString(),
            accountId,
            request.resource(),
            request.target().path(),
            request.changeType(),
            request.changeTypes(),
            request.notificationUrl(),
            request.lifecycleNotificationUrl(),
            request.clientState(),
            request.latestSupportedTlsVersion(),
            applicationId,
            expiration);
    store.put(created);
    counters.created.incrementAndGet();
    return created;
  }

  /** {@code PATCH}: a new {@code expirationDateTime}, under the same rules as on create. */
  Subscription renew(Subscription current, String expirationDateTime) {
    Instant expiration =
        SubscriptionRequest.checkLifetime(
            SubscriptionRequest.expiration(expirationDateTime),
            clock.instant(),
            settings.get().maxLifetime());
    validate(current.notificationUrl(), current.lifecycleNotificationUrl());
    Subscription renewed = current.withExpiration(expiration);
    store.renew(renewed);
    return renewed;
  }

  /**
   * {@code POST /subscriptions/{id}/reauthorize}: the URLs are checked again, the warning reset.
   */
  void reauthorize(Subscription current) {
    validate(current.notificationUrl(), current.lifecycleNotificationUrl());
    store.reauthorized(current.id());
  }

  private void validate(String notificationUrl, @Nullable String lifecycleUrl) {
    check(notificationUrl);
    // Graph validates both endpoints, even when they are the same URL.
    if (lifecycleUrl != null) {
      check(lifecycleUrl);
    }
  }

  private void check(String url) {
    handshake
        .failure(url, settings.get().validationTimeout())
        .ifPresent(
            message -> {
              counters.validationFailures.incrementAndGet();
              throw new GraphException(400, "ValidationError", message);
            });
  }
}
