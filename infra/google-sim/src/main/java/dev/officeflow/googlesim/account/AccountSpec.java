package dev.officeflow.googlesim.account;

import dev.officeflow.googlesim.calendar.CalendarScopes;
import dev.officeflow.googlesim.gmail.GmailScopes;
import dev.officeflow.googlesim.mailbox.MailboxSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A simulated Google account.
 *
 * @param displayName the owner's name in From headers and as organizer
 * @param mailbox what the generator puts in its mailbox and calendar
 * @param grantedScopes the scopes this user agrees to; the authorize step grants the requested
 *     scopes that are in this set (like unticking boxes on the consent screen). Default: every
 *     Gmail and Calendar read scope plus openid, email, profile.
 * @param denyConsent true makes authorize redirect with {@code error=access_denied}
 * @param tokenLifetime lifetime of access tokens; default 3600 s
 */
public record AccountSpec(
    String email,
    String displayName,
    MailboxSpec mailbox,
    Set<String> grantedScopes,
    boolean denyConsent,
    Duration tokenLifetime) {

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
  }

  /** An account with a small generated mailbox seeded from its address, all scopes, 1 h tokens. */
  public static AccountSpec of(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@')));
    return new AccountSpec(
        email,
        nameFrom(local),
        MailboxSpec.small(email.toLowerCase(Locale.ROOT).hashCode()),
        ALL_SCOPES,
        false,
        Duration.ofHours(1));
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
    return new AccountSpec(email, name, mailbox, grantedScopes, denyConsent, tokenLifetime);
  }

  public AccountSpec withMailbox(MailboxSpec spec) {
    return new AccountSpec(email, displayName, spec, grantedScopes, denyConsent, tokenLifetime);
  }

  public AccountSpec withGrantedScopes(Set<String> scopes) {
    return new AccountSpec(email, displayName, mailbox, scopes, denyConsent, tokenLifetime);
  }

  public AccountSpec withDenyConsent(boolean deny) {
    return new AccountSpec(email, displayName, mailbox, grantedScopes, deny, tokenLifetime);
  }

  public AccountSpec withTokenLifetime(Duration lifetime) {
    return new AccountSpec(email, displayName, mailbox, grantedScopes, denyConsent, lifetime);
  }
}
