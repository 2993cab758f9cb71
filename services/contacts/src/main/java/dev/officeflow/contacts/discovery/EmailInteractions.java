package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.discovery.AddressBook.Resolved;
import dev.officeflow.contacts.discovery.Interaction.Direction;
import dev.officeflow.contacts.discovery.Interaction.Kind;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.PermanentEventException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns an email event into interactions: the user's own mail gives one outbound interaction per
 * recipient (To, or Cc/Bcc); mail to the user gives one inbound interaction with the sender and,
 * unless it is automated, a shared one with each co-recipient.
 */
final class EmailInteractions {

  private static final String SENT_LABEL = "SENT";

  /**
   * The metadata tag in which the office says whether the account sent the message (ARCHITECTURE
   * §4): Outlook marks sent mail by its folder, not by a label, and may send from an address the
   * account's tag does not name (send-as, a shared mailbox).
   */
  static final String DIRECTION_TAG = "direction";

  private static final String OUTBOUND = "outbound";

  private final ContactHasher hasher;

  EmailInteractions(ContactHasher hasher) {
    this.hasher = hasher;
  }

  ItemChange change(EmailEvent event, Set<String> ownHashes) {
    Email email = event.email();
    if (email == null) {
      throw new PermanentEventException("email event without payload: " + event.providerItemId());
    }
    Builder builder =
        new Builder(
            new AddressBook(hasher, event.userId(), ownHashes, email.displayNames()),
            email,
            ItemKeys.of(event.provider(), email.providerMessageId()),
            OUTBOUND.equals(event.metadata().tags().get(DIRECTION_TAG)));
    if (event.operation() != Operation.DELETE) {
      builder.collect();
    }
    return new ItemChange(
        event.userId(),
        Source.EMAIL,
        builder.itemId,
        event.operation(),
        event.lastUpdated(),
        event.provider(),
        event.syncType(),
        List.copyOf(builder.interactions.values()),
        builder.participants);
  }

  /** Collects one message's interactions, one per participant (the strongest role wins). */
  private static final class Builder {
    private final AddressBook book;
    private final Email email;
    private final Map<String, Interaction> interactions = new LinkedHashMap<>();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Instant when;
    private final String itemId;
    private final boolean sentByAccount;

    Builder(AddressBook book, Email email, String itemId, boolean sentByAccount) {
      this.book = book;
      this.email = email;
      this.when = email.sentDate() != null ? email.sentDate() : email.receivedDate();
      this.itemId = itemId;
      this.sentByAccount = sentByAccount;
    }

    void collect() {
      Optional<Resolved> from = book.resolve(email.fromAddress());
      List<Resolved> to = others(email.toAddresses().stream());
      List<Resolved> cc =
          others(Stream.concat(email.ccAddresses().stream(), email.bccAddresses().stream()));
      int groupSize =
          1
              + (int)
                  Stream.concat(from.stream(), Stream.concat(to.stream(), cc.stream()))
                      .filter(r -> !book.isOwn(r))
                      .map(Resolved::hash)
                      .distinct()
                      .count();
      boolean outbound =
          sentByAccount
              || from.map(book::isOwn).orElse(false)
              || email.labels().contains(SENT_LABEL);
      if (outbound) {
        to.forEach(r -> add(r, Direction.OUTBOUND, Kind.EMAIL_TO, false, groupSize, false));
        cc.forEach(r -> add(r, Direction.OUTBOUND, Kind.EMAIL_CC, true, groupSize, false));
      } else {
        inbound(from, to, cc, groupSize);
      }
    }

    private void inbound(
        Optional<Resolved> from, List<Resolved> to, List<Resolved> cc, int groupSize) {
      boolean automated = AutomatedSenders.automatedHeaders(email.headers());
      boolean addressed =
          email.toAddresses().stream()
              .map(book::resolve)
              .flatMap(Optional::stream)
              .anyMatch(book::isOwn);
      from.filter(r -> !book.isOwn(r))
          .ifPresent(
              r -> add(r, Direction.INBOUND, Kind.EMAIL_FROM, !addressed, groupSize, automated));
      if (!automated) {
        to.forEach(r -> add(r, Direction.SHARED, Kind.EMAIL_SHARED, false, groupSize, false));
        cc.forEach(r -> add(r, Direction.SHARED, Kind.EMAIL_SHARED, true, groupSize, false));
      }
    }

    private List<Resolved> others(Stream<String> raw) {
      return raw.map(book::resolve).flatMap(Optional::stream).filter(r -> !book.isOwn(r)).toList();
    }

    private void add(
        Resolved r, Direction direction, Kind kind, boolean copied, int size, boolean automated) {
      if (interactions.containsKey(r.hash())) {
        return;
      }
      boolean flagged = automated || AutomatedSenders.automatedAddress(r.address());
      interactions.put(
          r.hash(),
          new Interaction(
              itemId,
              r.hash(),
              direction,
              kind,
              copied,
              size,
              when,
              flagged,
              r.displayName(),
              r.address().domain()));
      participants.put(r.hash(), r.participant());
    }
  }
}
