package dev.officeflow.office.providers.google.contacts;

import dev.officeflow.office.providers.google.GoogleScopes;
import java.util.Set;

/**
 * The two lists of a Google address book and what differs between their People API methods: the
 * name stored with a sync token, the group a contact of the list carries, the scopes that read it,
 * the fields asked for ({@code otherContacts.list} accepts only names, addresses, phones, photos
 * and metadata), and the method name in logs and failures.
 */
enum AddressList {
  /** The saved contacts: {@code people.connections.list}. */
  CONNECTIONS(
      "connections",
      "myContacts",
      GoogleScopes.CONTACTS_READ,
      "names,emailAddresses,phoneNumbers,organizations,birthdays,photos,metadata",
      "people.connections.list"),
  /** People the user interacted with but never saved: {@code otherContacts.list}. */
  OTHER_CONTACTS(
      "other_contacts",
      "otherContacts",
      GoogleScopes.OTHER_CONTACTS_READ,
      "names,emailAddresses,phoneNumbers,photos,metadata",
      "people.otherContacts.list");

  private final String wire;
  private final String group;
  private final Set<String> scopes;
  private final String fields;
  private final String method;

  AddressList(String wire, String group, Set<String> scopes, String fields, String method) {
    this.wire = wire;
    this.group = group;
    this.scopes = scopes;
    this.fields = fields;
    this.method = method;
  }

  /** The name stored in {@code contact_sync.list} and in the backfill's checkpoint. */
  String wire() {
    return wire;
  }

  /** What {@code Contact.groups} says, so consumers tell saved contacts from other contacts. */
  String group() {
    return group;
  }

  /** The scopes of which the grant needs one to read this list. */
  Set<String> scopes() {
    return scopes;
  }

  /** {@code personFields} / {@code readMask}. */
  String fields() {
    return fields;
  }

  String method() {
    return method;
  }

  static AddressList fromWire(String value) {
    for (AddressList list : values()) {
      if (list.wire.equals(value)) {
        return list;
      }
    }
    throw new IllegalArgumentException("unknown address list: " + value);
  }
}
