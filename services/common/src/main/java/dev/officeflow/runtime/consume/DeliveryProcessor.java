package dev.officeflow.runtime.consume;

import com.google.pubsub.v1.PubsubMessage;
import reactor.core.publisher.Mono;

/** Turns one delivery into an {@link Outcome}, never an error signal. */
interface DeliveryProcessor {

  Mono<Outcome> process(PubsubMessage message, int deliveryAttempt);
}
