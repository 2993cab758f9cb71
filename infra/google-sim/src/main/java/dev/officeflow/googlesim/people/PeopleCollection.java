package dev.officeflow.googlesim.people;

import dev.officeflow.simkit.people.PersonRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One list of an address book (the contacts, or the other contacts). Every change stamps the person
 * with the next change number, which sync tokens remember; a deleted person stays as a tombstone so
 * incremental syncs can report it. Each person also keeps the change number it was added with (its
 * slot), which never changes: full listings page by slot, so a change made while a client pages
 * cannot shift a person it has not seen yet past its cursor. Expiring sync tokens starts a new
 * epoch. Thread-safe.
 */
public final class PeopleCollection {

  /**
   * A person with the change number it was added with ({@code slot}) and that of its last change.
   */
  public record Entry(PersonRecord person, long slot, long changeNumber) {}

  /**
   * The state a listing starts from: every entry (tombstones too), the change number, the epoch.
   */
  public record Snapshot(List<Entry> entries, long changeNumber, long epoch) {}

  private final Map<String, Entry> byName = new LinkedHashMap<>();
  private long changeNumber;
  private long epoch = 1;

  PeopleCollection(List<PersonRecord> initial) {
    initial.forEach(this::add);
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(new ArrayList<>(byName.values()), changeNumber, epoch);
  }

  /** The person, deleted or not. */
  public synchronized Optional<PersonRecord> get(String resourceName) {
    return Optional.ofNullable(byName.get(resourceName)).map(Entry::person);
  }

  /** The people not deleted, in the order they were added. */
  public synchronized List<PersonRecord> live() {
    return byName.values().stream().map(Entry::person).filter(p -> !p.deleted()).toList();
  }

  synchronized PersonRecord add(PersonRecord person) {
    long number = ++changeNumber;
    byName.put(person.resourceName(), new Entry(person, number, number));
    return person;
  }

  /** Applies {@code change} to a live person; empty if there is none by that name. */
  synchronized Optional<PersonRecord> update(
      String resourceName, UnaryOperator<PersonRecord> change) {
    Entry current = byName.get(resourceName);
    if (current == null || current.person().deleted()) {
      return Optional.empty();
    }
    PersonRecord updated = change.apply(current.person());
    byName.put(resourceName, new Entry(updated, current.slot(), ++changeNumber));
    return Optional.of(updated);
  }

  /** Every sync token issued so far now answers EXPIRED_SYNC_TOKEN. */
  synchronized void expireSyncTokens() {
    epoch++;
  }
}
