package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.GoogleSimException;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.people.AddressBook;
import dev.officeflow.googlesim.people.PeopleSource;
import dev.officeflow.simkit.people.PersonRecord;
import java.util.List;

/**
 * Admin operations on address books (People API), reached through {@link SimAdmin#people()}: add,
 * change and delete contacts and other contacts (each change shows up in the next incremental sync;
 * deletions as {@code metadata.deleted}), read the ground truth, expire sync tokens. A person is
 * named by its resource name ({@code people/c...}, {@code otherContacts/c...}) or just its {@code
 * c...} id. Unknown accounts or people raise {@link GoogleSimException}. Thread-safe.
 */
public final class PeopleAdmin {

  private final Accounts accounts;
  private final ContentFactory content;

  PeopleAdmin(Accounts accounts, ContentFactory content) {
    this.accounts = accounts;
    this.content = content;
  }

  /** Adds a contact to the address book; returns its resource name ({@code people/c...}). */
  public String addContact(String email, NewContact contact) {
    return add(email, PeopleSource.CONNECTIONS, contact);
  }

  /** Adds an other contact; returns its resource name ({@code otherContacts/c...}). */
  public String addOtherContact(String email, NewContact contact) {
    return add(email, PeopleSource.OTHER_CONTACTS, contact);
  }

  /** Changes a live contact or other contact. */
  public PersonRecord updateContact(String email, String resourceName, ContactUpdate update) {
    AddressBook book = book(email);
    return book.update(resolve(book, resourceName, email), p -> content.apply(p, update))
        .orElseThrow(() -> missing(resourceName, email));
  }

  /** Deletes a live contact or other contact; returns its tombstone. */
  public PersonRecord deleteContact(String email, String resourceName) {
    AddressBook book = book(email);
    return book.delete(resolve(book, resourceName, email))
        .orElseThrow(() -> missing(resourceName, email));
  }

  /** The contacts not deleted, in listing order (the generated ones oldest change first). */
  public List<PersonRecord> contacts(String email) {
    return book(email).list(PeopleSource.CONNECTIONS).live();
  }

  /** The other contacts not deleted, in listing order. */
  public List<PersonRecord> otherContacts(String email) {
    return book(email).list(PeopleSource.OTHER_CONTACTS).live();
  }

  /** Every People sync token of the account issued so far answers 400 EXPIRED_SYNC_TOKEN. */
  public void expireSyncTokens(String email) {
    book(email).expireSyncTokens();
  }

  private String add(String email, PeopleSource source, NewContact contact) {
    return book(email).add(source, name -> content.contact(name, contact)).resourceName();
  }

  /** A full resource name, or the one of either list that the bare {@code c...} id names. */
  private static String resolve(AddressBook book, String name, String email) {
    if (name.contains("/")) {
      return name;
    }
    for (PeopleSource source : PeopleSource.values()) {
      if (book.list(source).get(source.prefix() + name).isPresent()) {
        return source.prefix() + name;
      }
    }
    throw missing(name, email);
  }

  private AddressBook book(String email) {
    return accounts
        .find(email)
        .orElseThrow(() -> new GoogleSimException("no account " + email))
        .addressBook();
  }

  private static GoogleSimException missing(String name, String email) {
    return new GoogleSimException("no contact " + name + " in " + email);
  }
}
