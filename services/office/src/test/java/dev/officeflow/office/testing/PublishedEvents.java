package dev.officeflow.office.testing;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IdempotencyKeys;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the office published, read from its own subscriptions on the emulator (the catalog's {@code
 * contacts-emails}, {@code contacts-calendars} and {@code contacts-progress} under the test
 * prefix), decoded.
 */
public final class PublishedEvents implements AutoCloseable {

  private static final EventCodec CODEC = new EventCodec();

  private final EmulatorPubSub pubsub;
  private final EmulatorPubSub.Collector emails;
  private final EmulatorPubSub.Collector calendars;
  private final EmulatorPubSub.Collector progress;

  public PublishedEvents(String prefix) {
    this.pubsub = new EmulatorPubSub();
    this.emails = pubsub.collect(prefix + "contacts-emails");
    this.calendars = pubsub.collect(prefix + "contacts-calendars");
    this.progress = pubsub.collect(prefix + "contacts-progress");
  }

  /** The progress events of one job, in the order of their sequence numbers. */
  public List<ProgressEvent> progressOf(String jobId) {
    return progress.messages().stream()
        .map(m -> (ProgressEvent) CODEC.decode(m.getData().toByteArray(), EventType.PROGRESS))
        .filter(e -> jobId.equals(e.jobId()))
        .sorted(java.util.Comparator.comparingLong(ProgressEvent::sequence))
        .toList();
  }

  public List<EmailEvent> emails(Predicate<EmailEvent> which) {
    return emails.messages().stream()
        .map(m -> (EmailEvent) CODEC.decode(m.getData().toByteArray(), EventType.EMAIL))
        .filter(which)
        .toList();
  }

  public List<CalendarEvent> calendars(Predicate<CalendarEvent> which) {
    return calendars.messages().stream()
        .map(m -> (CalendarEvent) CODEC.decode(m.getData().toByteArray(), EventType.CALENDAR))
        .filter(which)
        .toList();
  }

  /** Events of one job (batch). */
  public List<EmailEvent> emailsOf(String jobId) {
    return emails(e -> jobId.equals(e.batchId()));
  }

  public List<CalendarEvent> calendarsOf(String jobId) {
    return calendars(e -> jobId.equals(e.batchId()));
  }

  public static Set<String> keys(List<? extends DataEvent<?>> events) {
    return events.stream().map(IdempotencyKeys::item).collect(Collectors.toSet());
  }

  @Override
  public void close() throws InterruptedException {
    emails.close();
    calendars.close();
    progress.close();
    pubsub.close();
  }
}
