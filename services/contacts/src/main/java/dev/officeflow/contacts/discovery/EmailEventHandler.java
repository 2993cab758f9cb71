package dev.officeflow.contacts.discovery;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import reactor.core.publisher.Mono;

/** {@code contacts-emails}: each message's participants become interactions. */
final class EmailEventHandler implements EventHandler<EmailEvent> {

  /** The metadata tag with the provider account's own address (ARCHITECTURE §4). */
  static final String ACCOUNT_TAG = "account";

  private final OwnAddresses own;
  private final EmailInteractions interactions;
  private final DiscoveryWriter writer;

  EmailEventHandler(OwnAddresses own, EmailInteractions interactions, DiscoveryWriter writer) {
    this.own = own;
    this.interactions = interactions;
    this.writer = writer;
  }

  @Override
  public EventType type() {
    return EventType.EMAIL;
  }

  @Override
  public Mono<Outcome> handle(EmailEvent event, Delivery delivery) {
    return own.of(event.userId(), event.metadata().tags().get(ACCOUNT_TAG))
        .map(hashes -> interactions.change(event, hashes))
        .flatMap(writer::submit)
        .thenReturn(Outcome.done());
  }
}
