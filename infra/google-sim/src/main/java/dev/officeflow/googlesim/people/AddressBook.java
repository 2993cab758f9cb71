package dev.officeflow.googlesim.people;

import dev.officeflow.simkit.people.ContactNumbers;
import dev.officeflow.simkit.people.PersonRecord;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One account's address book: its contacts ({@code people/c...}) and its other contacts ({@code
 * otherContacts/c...}), with resource numbers unique across both. Thread-safe.
 */
public final class AddressBook {

  private final PeopleCollection connections;
  private final PeopleCollection otherContacts;
  private final Clock clock;
  private final Set<String> numbers = new HashSet<>();
  private final SplittableRandom random;

  /**
   * @param seed seeds the resource numbers of people added later (admin additions), so a run is
   *     repeatable
   */
  public AddressBook(
      List<PersonRecord> contacts, List<PersonRecord> others, Clock clock, long seed) {
    contacts.forEach(p -> numbers.add(p.number()));
    others.forEach(p -> numbers.add(p.number()));
    this.connections = new PeopleCollection(contacts);
    this.otherContacts = new PeopleCollection(others);
    this.clock = clock;
    this.random = new SplittableRandom(seed);
  }

  public static AddressBook empty(Clock clock) {
    return new AddressBook(List.of(), List.of(), clock, 0);
  }

  public PeopleCollection list(PeopleSource source) {
    return source == PeopleSource.CONNECTIONS ? connections : otherContacts;
  }

  /** Adds a person built by {@code build} from a fresh resource name of {@code source}. */
  public PersonRecord add(PeopleSource source, Function<String, PersonRecord> build) {
    return list(source).add(build.apply(source.prefix() + "c" + newNumber()));
  }

  public Optional<PersonRecord> update(String resourceName, UnaryOperator<PersonRecord> change) {
    return listOf(resourceName).flatMap(l -> l.update(resourceName, change));
  }

  /** Deletes a live person (a tombstone remains for incremental syncs). */
  public Optional<PersonRecord> delete(String resourceName) {
    return update(resourceName, p -> p.deleted(clock.instant()));
  }

  /** Every sync token issued for either list now answers EXPIRED_SYNC_TOKEN. */
  public void expireSyncTokens() {
    connections.expireSyncTokens();
    otherContacts.expireSyncTokens();
  }

  private Optional<PeopleCollection> listOf(String resourceName) {
    if (resourceName.startsWith(PeopleSource.CONNECTIONS.prefix())) {
      return Optional.of(connections);
    }
    return resourceName.startsWith(PeopleSource.OTHER_CONTACTS.prefix())
        ? Optional.of(otherContacts)
        : Optional.empty();
  }

  /** A 19-digit resource number like Google's, unique in this address book. */
  private synchronized String newNumber() {
    String number;
    do {
      number = ContactNumbers.next(random);
    } while (!numbers.add(number));
    return number;
  }
}
