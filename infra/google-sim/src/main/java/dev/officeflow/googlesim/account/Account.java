package dev.officeflow.googlesim.account;

import dev.officeflow.googlesim.calendar.CalendarStore;
import dev.officeflow.googlesim.gmail.Mailbox;
import dev.officeflow.googlesim.mailbox.GeneratedMailbox;
import dev.officeflow.googlesim.mailbox.MailboxGenerator;
import java.time.Clock;
import java.time.Duration;

/**
 * One simulated account: its Gmail mailbox, its primary calendar, the generator's ground truth, and
 * its consent settings (which the admin API may change while running).
 */
public final class Account {

  private final Mailbox mailbox;
  private final CalendarStore calendar;
  private final GeneratedMailbox generated;
  private volatile AccountSpec spec;

  Account(AccountSpec spec, Clock clock, Duration historyRetention) {
    this.spec = spec;
    this.generated =
        MailboxGenerator.generate(
            spec.email(), spec.displayName(), spec.mailbox(), clock.instant());
    this.mailbox = new Mailbox(spec.email(), generated.messages(), clock, historyRetention);
    this.calendar = new CalendarStore(spec.email(), generated.zone(), generated.events(), clock);
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

  public CalendarStore calendar() {
    return calendar;
  }

  public GeneratedMailbox generated() {
    return generated;
  }
}
