package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.discovery.AddressBook.Resolved;
import dev.officeflow.contacts.discovery.Interaction.Direction;
import dev.officeflow.contacts.discovery.Interaction.Kind;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.PermanentEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a calendar event into one meeting interaction per other participant (organizer and
 * attendees) and occurrence. Outbound when the user organised it. A cancelled meeting, or one the
 * user declined, removes the item's interactions instead.
 */
final class CalendarInteractions {

  /** Series occurrences count up to this far past the time the event was read. */
  private static final Duration LOOK_AHEAD = Duration.ofDays(2);

  private static final String DECLINED = "declined";

  private final ContactHasher hasher;

  CalendarInteractions(ContactHasher hasher) {
    this.hasher = hasher;
  }

  ItemChange change(CalendarEvent event, Set<String> ownHashes) {
    CalendarEntry entry = event.event();
    if (entry == null) {
      throw new PermanentEventException(
          "calendar event without payload: " + event.providerItemId());
    }
    AddressBook book = new AddressBook(hasher, event.userId(), ownHashes, names(entry));
    boolean removes =
        event.operation() == Operation.DELETE || entry.cancelled() || declinedByUser(entry, book);
    Map<String, Interaction> interactions = new LinkedHashMap<>();
    Map<String, Participant> participants = new LinkedHashMap<>();
    String itemId = ItemKeys.of(event.provider(), entry.providerEventId());
    if (!removes) {
      collect(
          entry, itemId, book, event.syncTimestamp().plus(LOOK_AHEAD), interactions, participants);
    }
    return new ItemChange(
        event.userId(),
        Source.CALENDAR,
        itemId,
        removes ? Operation.DELETE : event.operation(),
        event.lastUpdated(),
        event.provider(),
        event.syncType(),
        List.copyOf(interactions.values()),
        participants);
  }

  private static void collect(
      CalendarEntry entry,
      String itemId,
      AddressBook book,
      Instant horizon,
      Map<String, Interaction> interactions,
      Map<String, Participant> participants) {
    List<Resolved> people = people(entry, book);
    if (people.isEmpty()) {
      return;
    }
    boolean outbound = book.resolve(entry.organizer()).map(book::isOwn).orElse(false);
    Direction direction = outbound ? Direction.OUTBOUND : Direction.INBOUND;
    int groupSize = people.size() + 1;
    boolean series = entry.recurrence() != null && !entry.recurrence().isEmpty();
    List<Instant> starts =
        Occurrences.of(entry.startTime(), entry.allDay(), entry.recurrence(), horizon);
    for (Instant start : starts) {
      String sourceId = !series ? itemId : itemId + "_" + start.getEpochSecond();
      for (Resolved r : people) {
        boolean automated = AutomatedSenders.automatedAddress(r.address());
        interactions.put(
            sourceId + " " + r.hash(),
            new Interaction(
                sourceId,
                r.hash(),
                direction,
                Kind.MEETING,
                false,
                groupSize,
                start,
                automated,
                r.displayName(),
                r.address().domain()));
        participants.put(r.hash(), r.participant());
      }
    }
  }

  /** Organizer and attendees other than the user, each once. */
  private static List<Resolved> people(CalendarEntry entry, AddressBook book) {
    Stream<String> all =
        Stream.of(
                Stream.ofNullable(entry.organizer()),
                entry.attendees().stream(),
                entry.attendeeDetails().stream().map(CalendarEntry.Attendee::email))
            .flatMap(s -> s);
    Map<String, Resolved> byHash = new LinkedHashMap<>();
    all.map(book::resolve)
        .flatMap(Optional::stream)
        .filter(r -> !book.isOwn(r))
        .forEach(r -> byHash.putIfAbsent(r.hash(), r));
    return new ArrayList<>(byHash.values());
  }

  private static boolean declinedByUser(CalendarEntry entry, AddressBook book) {
    return entry.attendeeDetails().stream()
        .filter(a -> DECLINED.equals(a.responseStatus()))
        .map(a -> book.resolve(a.email()))
        .flatMap(Optional::stream)
        .anyMatch(book::isOwn);
  }

  private static Map<String, String> names(CalendarEntry entry) {
    Map<String, String> names = new LinkedHashMap<>();
    for (CalendarEntry.Attendee a : entry.attendeeDetails()) {
      if (a.displayName() != null) {
        names.putIfAbsent(a.email(), a.displayName());
      }
    }
    return names;
  }
}
