package dev.officeflow.googlesim.account;

import dev.officeflow.googlesim.calendar.CalendarScopes;
import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.googlesim.gmail.GmailScopes;
import dev.officeflow.simkit.mailbox.AddressBookSpec;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A simulated Google account.
 *
 * @param displayName the owner's name in From headers and as organizer
 * @param mailbox what the generator puts in its mailbox and primary calendar
 * @param grantedScopes the scopes this user agrees to; the authorize step grants the requested
 *     scopes that are in this set (like unticking boxes on the consent screen). Default: {@link
 *     #ALL_SCOPES}, every Gmail and Calendar read scope plus openid, email, profile; the People
 *     scopes ({@code PeopleScopes}) only when added ({@link #withAddedScopes})
 * @param denyConsent true makes authorize redirect with {@code error=access_denied}
 * @param tokenLifetime lifetime of access tokens; default 3600 s
 * @param calendars secondary calendars on the calendar list, after the primary; default none
 * @param addressBook contacts and other contacts to generate (People API); default none
 */
public record AccountSpec(
    String email,
    String displayName,
    MailboxSpec mailbox,
    Set<String> grantedScopes,
    boolean denyConsent,
    Duration tokenLifetime,
    List<CalendarSpec> calendars,
    AddressBookSpec addressBook) {

  public static final Set<String> ALL_SCOPES =
      Set.of(
          GmailScopes.FULL,
          GmailScopes.MODIFY,
          GmailScopes.READONLY,
          GmailScopes.METADATA,
          CalendarScopes.CALENDAR,
          CalendarScopes.READONLY,
          CalendarScopes.EVENTS,
          CalendarScopes.EVENTS_READONLY,
          "openid",
          "email",
          "profile",
          "https://www.googleapis.com/auth/userinfo.email",
          "https://www.googleapis.com/auth/userinfo.profile");

  public AccountSpec {
    email = email.toLowerCase(Locale.ROOT);
    if (!email.contains("@")) {
      throw new IllegalArgumentException("not an email address: " + email);
    }
    grantedScopes = Set.copyOf(grantedScopes);
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive");
    }
    calendars = List.copyOf(calendars);
    Set<String> ids = new HashSet<>();
    for (CalendarSpec c : calendars) {
      if (c.id().equalsIgnoreCase(email) || !ids.add(c.id().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "calendar id " + c.id() + " of " + email + " is the primary's or given twice");
      }
    }
  }

  /**
   * An account with a small generated mailbox seeded from its address, no secondary calendars, no
   * address book, {@link #ALL_SCOPES}, 1 h tokens.
   */
  public static AccountSpec of(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@')));
    return new AccountSpec(
        email,
        nameFrom(local),
        MailboxSpec.small(email.toLowerCase(Locale.ROOT).hashCode()),
        ALL_SCOPES,
        false,
        Duration.ofHours(1),
        List.of(),
        AddressBookSpec.NONE);
  }

  private static String nameFrom(String local) {
    StringBuilder out = new StringBuilder();
    for (String part : local.split("[._-]")) {
      if (!part.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ")
            .append(Character.toUpperCase(part.charAt(0)))
            .append(part.substring(1));
      }
    }
    return out.toString();
  }

  public AccountSpec withDisplayName(String name) {
    return new AccountSpec(
        email, name, mailbox, grantedScopes, denyConsent, tokenLifetime, calendars, addressBook);
  }

  public AccountSpec withMailbox(MailboxSpec spec) {
    return new AccountSpec(
        email,
        displayName,
        spec,
        grantedScopes,
        denyConsent,
        tokenLifetime,
        calendars,
        addressBook);
  }

  public AccountSpec withGrantedScopes(Set<String> scopes) {
    return new AccountSpec(
        email, displayName, mailbox, scopes, denyConsent, tokenLifetime, calendars, addressBook);
  }

  /** The granted scopes plus {@code scopes} (e.g. {@code PeopleScopes.READ_ALL}). */
  public AccountSpec withAddedScopes(Collection<String> scopes) {
    Set<String> all = new HashSet<>(grantedScopes);
    all.addAll(scopes);
    return withGrantedScopes(all);
  }

  public AccountSpec withDenyConsent(boolean deny) {
    return new AccountSpec(
        email, displayName, mailbox, grantedScopes, deny, tokenLifetime, calendars, addressBook);
  }

  public AccountSpec withTokenLifetime(Duration lifetime) {
    return new AccountSpec(
        email, displayName, mailbox, grantedScopes, denyConsent, lifetime, calendars, addressBook);
  }

  /** Replaces the secondary calendars. */
  public AccountSpec withCalendars(List<CalendarSpec> secondary) {
    return new AccountSpec(
        email,
        displayName,
        mailbox,
        grantedScopes,
        denyConsent,
        tokenLifetime,
        secondary,
        addressBook);
  }

  /** Adds one secondary calendar after those already named. */
  public AccountSpec withCalendar(CalendarSpec secondary) {
    List<CalendarSpec> all = new ArrayList<>(calendars);
    all.add(secondary);
    return withCalendars(all);
  }

  /** An address book of {@code contacts} saved contacts and {@code otherContacts} other ones. */
  public AccountSpec withContacts(int contacts, int otherContacts) {
    return new AccountSpec(
        email,
        displayName,
        mailbox,
        grantedScopes,
        denyConsent,
        tokenLifetime,
        calendars,
        new AddressBookSpec(contacts, otherContacts));
  }
}
