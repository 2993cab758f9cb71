package dev.officeflow.graphsim.account;

import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.calendar.Person;
import dev.officeflow.simkit.people.ContactNumbers;
import dev.officeflow.simkit.people.PersonRecord;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Builds the messages, events and contacts the admin API adds, in the shapes the generator makes;
 * their source ids come from a random seeded by the account, so a scripted run repeats exactly.
 */
final class ContentFactory {

  private final GraphAccount account;
  private final SplittableRandom random;

  ContentFactory(GraphAccount account, long seed) {
    this.account = account;
    this.random = new SplittableRandom(seed);
  }

  synchronized String nextSource(String kind) {
    return kind + "-admin-" + Long.toHexString(random.nextLong());
  }

  MailItem message(NewMessage m, String source, Instant now, long version) {
    boolean outbound = m.fromEmail().isBlank() || m.fromEmail().equalsIgnoreCase(account.email());
    Recipient owner = new Recipient(account.displayName(), account.email());
    Instant received = m.received() != null ? m.received() : now;
    String id = GraphIds.item(account.id(), GraphIds.Kind.MESSAGE, source);
    return new MailItem(
        id,
        outbound ? MailFolder.SENT_ITEMS : MailFolder.INBOX,
        m.conversationId() != null
            ? m.conversationId()
            : GraphIds.item(account.id(), GraphIds.Kind.CONVERSATION, source),
        "<" + source + "@graph-sim.local>",
        m.subject(),
        m.text(),
        null,
        MailItem.preview(m.text()),
        outbound ? owner : new Recipient(m.fromName(), m.fromEmail()),
        m.to().isEmpty() ? List.of(owner) : m.to().stream().map(Recipient::of).toList(),
        m.cc().stream().map(Recipient::of).toList(),
        m.bcc().stream().map(Recipient::of).toList(),
        received,
        received,
        now,
        false,
        outbound || m.isRead(),
        m.categories(),
        false,
        "normal",
        "focused",
        version,
        false);
  }

  EventRecord event(NewEvent e, String source, Instant now) {
    Person owner = new Person(account.email(), account.displayName(), true);
    List<Attendee> attendees = new ArrayList<>();
    if (!e.attendees().isEmpty()) {
      attendees.add(
          new Attendee(account.email(), account.displayName(), "accepted", true, true, false));
      e.attendees()
          .forEach(a -> attendees.add(new Attendee(a, "", "needsAction", false, false, false)));
    }
    return new EventRecord(
        source,
        "confirmed",
        e.subject(),
        e.body(),
        e.location(),
        null,
        owner,
        owner,
        time(e.start(), e.allDay()),
        time(e.end(), e.allDay()),
        e.recurrence(),
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

  private static EventTime time(ZonedDateTime t, boolean allDay) {
    return allDay ? EventTime.allDay(t.toLocalDate()) : EventTime.at(t);
  }

  static EventRecord apply(EventRecord e, EventUpdate u, Instant now) {
    EventRecord changed =
        e.changed(
            u.subject() != null ? u.subject() : e.summary(),
            u.body() != null ? u.body() : e.description(),
            u.location() != null ? u.location() : e.location(),
            u.start() != null ? EventTime.at(u.start()) : e.start(),
            u.end() != null ? EventTime.at(u.end()) : e.end(),
            now);
    return u.cancelled() ? changed.cancelled(now) : changed;
  }

  /** Synchronized: the contact's number comes from the account's shared random. */
  synchronized PersonRecord contact(NewContact c, Instant now) {
    List<PersonRecord.Phone> phones = new ArrayList<>();
    c.businessPhones().forEach(p -> phones.add(new PersonRecord.Phone(p, "work")));
    if (!c.mobilePhone().isBlank()) {
      phones.add(new PersonRecord.Phone(c.mobilePhone(), "mobile"));
    }
    return new PersonRecord(
        "people/c" + ContactNumbers.next(random),
        c.givenName(),
        c.surname(),
        c.emails().stream().map(e -> new PersonRecord.Email(e, "work")).toList(),
        phones,
        organization(c.companyName(), c.jobTitle()),
        now,
        false);
  }

  static PersonRecord apply(PersonRecord p, ContactUpdate u, Instant now) {
    PersonRecord.Organization org = p.organization();
    String company = u.companyName() != null ? u.companyName() : org == null ? "" : org.name();
    String title = u.jobTitle() != null ? u.jobTitle() : org == null ? "" : org.title();
    return p.changed(
        u.givenName() != null ? u.givenName() : p.givenName(),
        u.surname() != null ? u.surname() : p.familyName(),
        u.emails() != null
            ? u.emails().stream().map(e -> new PersonRecord.Email(e, "work")).toList()
            : p.emails(),
        p.phones(),
        organization(company, title),
        now);
  }

  private static PersonRecord.@Nullable Organization organization(String company, String title) {
    return company.isEmpty() && title.isEmpty()
        ? null
        : new PersonRecord.Organization(company, title);
  }
}
