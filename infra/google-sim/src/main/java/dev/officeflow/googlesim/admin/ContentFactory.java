package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.account.Account;
import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.calendar.Person;
import dev.officeflow.simkit.mailbox.Address;
import dev.officeflow.simkit.mailbox.Draft;
import dev.officeflow.simkit.mailbox.EventIds;
import dev.officeflow.simkit.mailbox.MailMessage;
import dev.officeflow.simkit.mailbox.MessageBuilder;
import dev.officeflow.simkit.people.PersonRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Builds messages, events and contacts for admin additions, with the same shapes the generator
 * makes.
 */
final class ContentFactory {

  private final Clock clock;
  private final SplittableRandom random = new SplittableRandom(0x5EED);

  ContentFactory(Clock clock) {
    this.clock = clock;
  }

  synchronized MailMessage message(Account account, NewMessage m) {
    Address owner = Address.of(account.spec().displayName(), account.email());
    boolean outbound = m.fromEmail().isBlank() || m.fromEmail().equalsIgnoreCase(account.email());
    Instant when = m.date() != null ? m.date() : clock.instant();
    String id = Long.toHexString((when.toEpochMilli() << 20) | random.nextInt(1 << 20));
    String threadId = m.threadId() != null ? m.threadId() : id;
    List<String> labels =
        !m.labelIds().isEmpty()
            ? m.labelIds()
            : outbound ? List.of("SENT") : List.of("INBOX", "UNREAD", "CATEGORY_PERSONAL");
    List<Address> to =
        m.to().isEmpty() ? List.of(owner) : m.to().stream().map(e -> Address.of("", e)).toList();
    Draft draft =
        new Draft(
            id,
            threadId,
            outbound ? owner : Address.of(m.fromName(), m.fromEmail()),
            to,
            m.cc().stream().map(e -> Address.of("", e)).toList(),
            m.subject(),
            ZonedDateTime.ofInstant(when, account.generated().zone()),
            m.text(),
            null,
            List.of(),
            "<" + id + ".admin@google-sim.local>",
            null,
            List.of(),
            List.of(),
            labels);
    return MessageBuilder.build(draft);
  }

  synchronized EventRecord event(Account account, NewEvent e) {
    Instant now = clock.instant();
    Person owner = new Person(account.email(), account.spec().displayName(), true);
    List<Attendee> attendees = new ArrayList<>();
    if (!e.attendeeEmails().isEmpty()) {
      attendees.add(
          new Attendee(
              account.email(), account.spec().displayName(), "accepted", true, true, false));
      e.attendeeEmails()
          .forEach(a -> attendees.add(new Attendee(a, "", "needsAction", false, false, false)));
    }
    return new EventRecord(
        EventIds.next(random),
        "confirmed",
        e.summary(),
        e.description(),
        e.location(),
        null,
        owner,
        owner,
        EventTime.at(e.start()),
        EventTime.at(e.end()),
        List.of(),
        null,
        null,
        attendees,
        null,
        List.of(),
        "default",
        now,
        now,
        0);
  }

  /** A person under {@code resourceName}, changed now. */
  PersonRecord contact(String resourceName, NewContact c) {
    boolean other = resourceName.startsWith("otherContacts/");
    List<PersonRecord.Email> emails =
        c.emails().stream().map(e -> new PersonRecord.Email(e, other ? "" : "work")).toList();
    return new PersonRecord(
        resourceName,
        c.givenName(),
        c.familyName(),
        emails,
        c.phones().stream().map(p -> new PersonRecord.Phone(p, "mobile")).toList(),
        organization(c.organization(), c.title()),
        clock.instant(),
        false);
  }

  PersonRecord apply(PersonRecord p, ContactUpdate u) {
    PersonRecord.Organization org = p.organization();
    String company = u.organization() != null ? u.organization() : org == null ? "" : org.name();
    String title = u.title() != null ? u.title() : org == null ? "" : org.title();
    return p.changed(
        u.givenName() != null ? u.givenName() : p.givenName(),
        u.familyName() != null ? u.familyName() : p.familyName(),
        u.emails() != null
            ? u.emails().stream()
                .map(e -> new PersonRecord.Email(e, p.isOtherContact() ? "" : "work"))
                .toList()
            : p.emails(),
        u.phones() != null
            ? u.phones().stream().map(ph -> new PersonRecord.Phone(ph, "mobile")).toList()
            : p.phones(),
        organization(company, title),
        clock.instant());
  }

  private static PersonRecord.@Nullable Organization organization(String company, String title) {
    return company.isEmpty() ? null : new PersonRecord.Organization(company, title);
  }

  EventRecord apply(EventRecord e, EventUpdate u) {
    return e.changed(
        u.summary() != null ? u.summary() : e.summary(),
        u.description() != null ? u.description() : e.description(),
        u.location() != null ? u.location() : e.location(),
        u.start() != null ? EventTime.at(u.start()) : e.start(),
        u.end() != null ? EventTime.at(u.end()) : e.end(),
        clock.instant());
  }
}
