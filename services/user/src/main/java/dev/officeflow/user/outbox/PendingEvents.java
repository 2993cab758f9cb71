package dev.officeflow.user.outbox;

import dev.officeflow.events.OfficeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** The events one transaction has appended, to be published once it committed. */
public final class PendingEvents {

  private final Outbox outbox;
  private final List<Long> ids = new CopyOnWriteArrayList<>();

  PendingEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Appends {@code event} to the outbox in the current transaction. */
  public Mono<Void> add(OfficeEvent event) {
    return outbox.append(event).doOnNext(ids::add).then();
  }

  List<Long> ids() {
    return List.copyOf(ids);
  }
}
