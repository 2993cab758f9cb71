package dev.officeflow.runtime.consume;

import com.google.pubsub.v1.PubsubMessage;
import reactor.core.publisher.Mono;

/**
 * Handles the raw messages of one catalog subscription whose topic carries no officeflow event
 * (Gmail's {@code gmail-push} notifications). The runtime still opens the consume span, classifies
 * the outcome and dead-letters; decoding is the handler's. Errors count as in {@link EventHandler}.
 */
public interface MessageHandler {

  /** The catalog subscription, e.g. {@code office-gmail-push}. */
  String subscription();

  Mono<Outcome> handle(PubsubMessage message, Delivery delivery);
}
