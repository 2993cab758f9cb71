package dev.officeflow.runtime.consume.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.officeflow.runtime.consume.ConsumerStatus;
import dev.officeflow.runtime.consume.SubscriptionStatus;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code /internal/consumers}. Names are fixed here rather than left to the service's
 * naming strategy, so every service answers the same shape.
 */
record ConsumersView(
    String state, @JsonProperty("in_flight") long inFlight, List<SubscriptionView> subscriptions) {

  /** One subscription: its subscriber's state and its unsettled messages. */
  record SubscriptionView(
      String subscription,
      String topic,
      String subscriber,
      @JsonProperty("in_flight") long inFlight) {

    static SubscriptionView of(SubscriptionStatus status) {
      return new SubscriptionView(
          status.subscription(), status.topic(), lower(status.subscriber()), status.inFlight());
    }
  }

  static ConsumersView of(ConsumerStatus status) {
    return new ConsumersView(
        lower(status.state()),
        status.subscriptions().stream().mapToLong(SubscriptionStatus::inFlight).sum(),
        status.subscriptions().stream().map(SubscriptionView::of).toList());
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
