package dev.officeflow.contacts.testing;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import java.util.List;

/**
 * The {@code ContactEvent}s that arrive on one subscription, decoded: what vespa-loader would get.
 * Collects from the moment it is opened; open one per test class (a subscriber stopped and started
 * again on a subscription was seen to hold its next message for a minute on the emulator).
 */
public final class ContactEventsSeen implements AutoCloseable {

  private final EmulatorPubSub pubsub;
  private final EmulatorPubSub.Collector collector;
  private final EventCodec codec = new EventCodec();

  private ContactEventsSeen(EmulatorPubSub pubsub, String subscription) {
    this.pubsub = pubsub;
    this.collector = pubsub.collect(subscription);
  }

  /** What reaches vespa-loader's subscription in {@code app}'s namespace. */
  public static ContactEventsSeen of(ContactsApp app) {
    return on(new EmulatorPubSub(), app.prefix() + "vespa-loader-contacts");
  }

  /** What reaches {@code subscription} (full name); closing this closes {@code pubsub} too. */
  public static ContactEventsSeen on(EmulatorPubSub pubsub, String subscription) {
    return new ContactEventsSeen(pubsub, subscription);
  }

  /** Every event so far, in arrival order. */
  public List<ContactEvent> events() {
    return collector.messages().stream()
        .map(m -> codec.decode(m.getData().toByteArray(), ContactEvent.class))
        .toList();
  }

  /** The events about one contact of one user, in arrival order. */
  public List<ContactEvent> about(String userId, String contactHash) {
    return events().stream()
        .filter(e -> e.userId().equals(userId))
        .filter(e -> e.contact() != null && e.contact().id().equals(contactHash))
        .toList();
  }

  /** The events of one user, in arrival order. */
  public List<ContactEvent> of(String userId) {
    return events().stream().filter(e -> e.userId().equals(userId)).toList();
  }

  @Override
  public void close() throws InterruptedException {
    collector.close();
    pubsub.close();
  }
}
