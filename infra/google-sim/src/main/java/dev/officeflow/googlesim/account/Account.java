package dev.officeflow.googlesim.account;

import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.googlesim.calendar.CalendarStore;
import dev.officeflow.googlesim.calendar.Calendars;
import dev.officeflow.googlesim.gmail.Mailbox;
import dev.officeflow.googlesim.people.AddressBook;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.mailbox.GeneratedAddressBook;
import dev.officeflow.simkit.mailbox.GeneratedMailbox;
import dev.officeflow.simkit.mailbox.MailboxGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One simulated account: its Gmail mailbox, its calendars (the primary and any secondary ones), its
 * address book, the generator's ground truth, and its consent settings (which the admin API may
 * change while running).
 */
public final class Account {

  private final Mailbox mailbox;
  private final Calendars calendars;
  private final AddressBook addressBook;
  private final GeneratedMailbox generated;
  private volatile AccountSpec spec;

  Account(AccountSpec spec, Clock clock, Duration historyRetention) {
    this.spec = spec;
    this.generated =
        MailboxGenerator.generate(
            spec.email(), spec.displayName(), spec.mailbox(), clock.instant());
    this.mailbox = new Mailbox(spec.email(), generated.messages(), clock, historyRetention);
    this.calendars =
        new Calendars(
            new CalendarStore(spec.email(), generated.zone(), generated.events(), clock),
            spec.calendars().stream().map(c -> secondary(spec, c, clock)).toList());
    GeneratedAddressBook book =
        MailboxGenerator.addressBook(
            spec.email(), spec.displayName(), spec.mailbox(), spec.addressBook(), clock.instant());
    this.addressBook =
        new AddressBook(
            book.contacts(),
            book.otherContacts(),
            clock,
            MailboxGenerator.derivedSeed(spec.mailbox().seed(), "contacts-added"));
  }

  private CalendarStore secondary(AccountSpec account, CalendarSpec c, Clock clock) {
    List<EventRecord> events =
        MailboxGenerator.calendarEvents(
            account.email(),
            account.displayName(),
            account.mailbox(),
            c.id(),
            c.events(),
            c.olderEvents(),
            generated.anchor());
    return new CalendarStore(c, account.email(), generated.zone(), events, clock);
  }

  public String email() {
    return spec.email();
  }

  public AccountSpec spec() {
    return spec;
  }

  /** Changes consent settings (scopes, denial, token lifetime); the mailbox stays as it is. */
  public void reconfigure(AccountSpec newSpec) {
    if (!newSpec.email().equals(spec.email())) {
      throw new IllegalArgumentException("cannot change the address of " + spec.email());
    }
    spec = newSpec;
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  /** The primary calendar. */
  public CalendarStore calendar() {
    return calendars.primary();
  }

  /** Every calendar on the account's calendar list, the primary first. */
  public Calendars calendars() {
    return calendars;
  }

  public AddressBook addressBook() {
    return addressBook;
  }

  public GeneratedMailbox generated() {
    return generated;
  }
}
