package dev.officeflow.user.google;

import java.util.Collection;
import java.util.List;

/** The Google scopes the service knows, and which combinations it refuses to request. */
public final class GoogleScopes {

  public static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  public static final String GMAIL_METADATA = "https://www.googleapis.com/auth/gmail.metadata";
  public static final String CALENDAR_READONLY =
      "https://www.googleapis.com/auth/calendar.readonly";

  /** The address book's saved contacts (People {@code connections.list}). */
  public static final String CONTACTS_READONLY =
      "https://www.googleapis.com/auth/contacts.readonly";

  /** The address book's "other contacts" (People {@code otherContacts.list}). */
  public static final String OTHER_CONTACTS_READONLY =
      "https://www.googleapis.com/auth/contacts.other.readonly";

  private static final List<String> BROADER_GMAIL =
      List.of(
          GMAIL_READONLY,
          "https://www.googleapis.com/auth/gmail.modify",
          "https://mail.google.com/");

  private GoogleScopes() {}

  /**
   * Refuses an empty list and {@code gmail.metadata} next to a broader Gmail scope: Gmail then
   * refuses queries and full messages even though the broader scope would allow them.
   */
  static void checkRequestable(Collection<String> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("officeflow.user.google.scopes: at least one scope");
    }
    if (scopes.contains(GMAIL_METADATA) && scopes.stream().anyMatch(BROADER_GMAIL::contains)) {
      throw new IllegalArgumentException(
          "officeflow.user.google.scopes: gmail.metadata together with a broader Gmail scope makes"
              + " Gmail refuse queries and full messages; request one or the other");
    }
  }
}
