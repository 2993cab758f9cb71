package dev.officeflow.office.providers.google;

import java.util.Set;

/**
 * The provider's name, and the OAuth scopes that let the office read Gmail, Calendar and contacts.
 */
public final class GoogleScopes {

  /** The provider name integrations, jobs and events carry. */
  public static final String PROVIDER = "google";

  public static final String GMAIL_METADATA = "https://www.googleapis.com/auth/gmail.metadata";

  /** Any of these reads messages; {@link #GMAIL_METADATA} alone allows no query and no bodies. */
  public static final Set<String> GMAIL_READ =
      Set.of(
          "https://mail.google.com/",
          "https://www.googleapis.com/auth/gmail.modify",
          "https://www.googleapis.com/auth/gmail.readonly",
          GMAIL_METADATA);

  public static final Set<String> CALENDAR_READ =
      Set.of(
          "https://www.googleapis.com/auth/calendar",
          "https://www.googleapis.com/auth/calendar.readonly",
          "https://www.googleapis.com/auth/calendar.events",
          "https://www.googleapis.com/auth/calendar.events.readonly");

  /** Either reads the saved contacts ({@code people.connections.list}). */
  public static final Set<String> CONTACTS_READ =
      Set.of(
          "https://www.googleapis.com/auth/contacts",
          "https://www.googleapis.com/auth/contacts.readonly");

  /** The one scope that reads the "other contacts" ({@code otherContacts.list}). */
  public static final Set<String> OTHER_CONTACTS_READ =
      Set.of("https://www.googleapis.com/auth/contacts.other.readonly");

  private GoogleScopes() {}
}
