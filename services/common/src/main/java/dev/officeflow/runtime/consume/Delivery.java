package dev.officeflow.runtime.consume;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Map;

/**
 * One delivery of a message, as the handler sees it.
 *
 * @param subscription the subscription it came from
 * @param messageId Pub/Sub's message id
 * @param attributes the message attributes as published
 * @param deliveryAttempt 1 for the first delivery (0 when the subscription has no dead-letter
 *     policy)
 * @param span the consume span the handler runs in, child of the publisher's span
 */
public record Delivery(
    String subscription,
    String messageId,
    Map<String, String> attributes,
    int deliveryAttempt,
    SpanContext span) {

  public Delivery {
    attributes = Map.copyOf(attributes);
  }
}
