package dev.officeflow.googlesim.people;

import java.util.Set;

/**
 * People API scope strings: {@code people.connections.list} takes {@link #CONTACTS} or {@link
 * #CONTACTS_READONLY}; {@code otherContacts.list} only {@link #OTHER_CONTACTS_READONLY} (Google's
 * method references).
 */
public final class PeopleScopes {

  public static final String CONTACTS = "https://www.googleapis.com/auth/contacts";
  public static final String CONTACTS_READONLY =
      "https://www.googleapis.com/auth/contacts.readonly";
  public static final String OTHER_CONTACTS_READONLY =
      "https://www.googleapis.com/auth/contacts.other.readonly";

  public static final Set<String> CONNECTIONS_READ = Set.of(CONTACTS, CONTACTS_READONLY);
  public static final Set<String> OTHER_CONTACTS_READ = Set.of(OTHER_CONTACTS_READONLY);

  /** The two read scopes an importer asks for: the address book and the other contacts. */
  public static final Set<String> READ_ALL = Set.of(CONTACTS_READONLY, OTHER_CONTACTS_READONLY);

  private PeopleScopes() {}
}
