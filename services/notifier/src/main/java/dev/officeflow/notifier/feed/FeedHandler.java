package dev.officeflow.notifier.feed;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.notifier.stream.Notification;
import dev.officeflow.notifier.stream.UserStreams;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.Outcome;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Handles the messages of one {@code notifier-<topic>} subscription. It decodes them itself rather
 * than as an {@code EventHandler}, so that a payload behind a pointer is never fetched: the inline
 * payload without its body has every field the notifier tells. A message that does not decode is
 * skipped (acked), never dead-lettered: a notification is a hint, the data is elsewhere. A Redis
 * outage propagates, so the runtime holds the subscription until Redis answers.
 */
final class FeedHandler implements MessageHandler {

  private final String subscription;
  private final EventType topicType;
  private final EventCodec codec;
  private final UserStreams streams;
  private final Coalescer items;
  private final Coalescer candidates;
  private final FeedTimings timings;

  FeedHandler(
      String subscription,
      EventType topicType,
      EventCodec codec,
      UserStreams streams,
      Coalescer items,
      Coalescer candidates,
      FeedTimings timings) {
    this.subscription = subscription;
    this.topicType = topicType;
    this.codec = codec;
    this.streams = streams;
    this.items = items;
    this.candidates = candidates;
    this.timings = timings;
  }

  @Override
  public String subscription() {
    return subscription;
  }

  @Override
  public Mono<Outcome> handle(PubsubMessage message, Delivery delivery) {
    long received = timings.received(subscription, message);
    return decodeAndTell(message).doOnNext(outcome -> timings.handled(subscription, received));
  }

  private Mono<Outcome> decodeAndTell(PubsubMessage message) {
    Optional<EventType> type = type(message);
    if (type.isEmpty()) {
      return Mono.just(Outcome.skipped("not an officeflow event type"));
    }
    OfficeEvent event;
    try {
      event = codec.decode(message.getData().toByteArray(), type.get());
    } catch (RuntimeException e) {
      // Decoding touches nothing outside the message: whatever fails here is the message's fault.
      return Mono.just(Outcome.skipped("undecodable: " + e.getMessage()));
    }
    return handle(event);
  }

  Mono<Outcome> handle(OfficeEvent event) {
    if (event instanceof ProgressEvent progress) {
      return tell(progress.userId(), Notifications.progress(progress));
    }
    if (event instanceof IntegrationEvent integration) {
      return tell(integration.userId(), Notifications.integration(integration));
    }
    if (event instanceof ContactEvent contact && isCandidate(contact)) {
      candidates.add(contact.userId(), "contact", contact.operation().wire());
      return Mono.just(Outcome.done());
    }
    if (event instanceof DataEvent<?> data) {
      if (data.syncType() == SyncType.BATCH_SYNC) {
        items.add(data.userId(), EventType.of(data).docType(), data.operation().wire());
        return Mono.just(Outcome.done());
      }
      return tell(data.userId(), Notifications.item(data));
    }
    return Mono.just(Outcome.skipped("not told: " + EventType.of(event).ceType()));
  }

  /** The contacts service's scored contacts carry their band in the metadata's tags. */
  private static boolean isCandidate(ContactEvent contact) {
    return contact.metadata().tags().containsKey("score_band");
  }

  private Mono<Outcome> tell(String userId, Notification notification) {
    return streams
        .append(userId, notification)
        .map(id -> Outcome.done())
        .defaultIfEmpty(Outcome.skipped("nobody listening"));
  }

  private Optional<EventType> type(PubsubMessage message) {
    String ceType = message.getAttributesMap().get(EventAttributes.TYPE);
    return ceType == null ? Optional.of(topicType) : EventType.ofCeType(ceType);
  }
}
