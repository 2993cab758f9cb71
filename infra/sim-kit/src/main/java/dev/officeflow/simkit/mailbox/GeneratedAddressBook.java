package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.people.PersonRecord;
import java.util.List;

/** A generated address book: contacts and other contacts, each oldest change first. */
public record GeneratedAddressBook(List<PersonRecord> contacts, List<PersonRecord> otherContacts) {

  public static final GeneratedAddressBook EMPTY = new GeneratedAddressBook(List.of(), List.of());

  public GeneratedAddressBook {
    contacts = List.copyOf(contacts);
    otherContacts = List.copyOf(otherContacts);
  }
}
