package dev.officeflow.contacts.discovery;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import reactor.core.publisher.Mono;

/** {@code contacts-calendars}: each meeting's participants become interactions. */
final class CalendarEventHandler implements EventHandler<CalendarEvent> {

  private final OwnAddresses own;
  private final CalendarInteractions interactions;
  private final DiscoveryWriter writer;

  CalendarEventHandler(
      OwnAddresses own, CalendarInteractions interactions, DiscoveryWriter writer) {
    this.own = own;
    this.interactions = interactions;
    this.writer = writer;
  }

  @Override
  public EventType type() {
    return EventType.CALENDAR;
  }

  @Override
  public Mono<Outcome> handle(CalendarEvent event, Delivery delivery) {
    return own.of(event.userId(), event.metadata().tags().get(EmailEventHandler.ACCOUNT_TAG))
        .map(hashes -> interactions.change(event, hashes))
        .flatMap(writer::submit)
        .thenReturn(Outcome.done());
  }
}
