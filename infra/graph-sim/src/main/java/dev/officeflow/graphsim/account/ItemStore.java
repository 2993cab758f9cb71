package dev.officeflow.graphsim.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * One kind of an account's items by id, each change stamped with the next number of the account's
 * change sequence (shared by its stores). A change and its number are made under this store's lock,
 * so a {@link Snapshot} never misses a change numbered at or below its sequence. Thread-safe.
 */
public final class ItemStore<T extends Versioned> {

  /** Turns the current item and the new version number into the changed item. */
  @FunctionalInterface
  public interface Change<T> {
    T apply(T current, long version);
  }

  private final Map<String, T> items = new LinkedHashMap<>();
  private final AtomicLong sequence;

  ItemStore(AtomicLong sequence) {
    this.sequence = sequence;
  }

  public synchronized Snapshot<T> snapshot() {
    return new Snapshot<>(items.values().stream().toList(), sequence.get());
  }

  /** The live item with this id (not a tombstone). */
  public synchronized Optional<T> live(String id) {
    T item = items.get(id);
    return item == null || item.deleted() ? Optional.empty() : Optional.of(item);
  }

  /** Adds (or replaces) the item {@code build} makes from a fresh version number. */
  synchronized T add(LongFunction<T> build) {
    T item = build.apply(sequence.incrementAndGet());
    items.put(item.id(), item);
    return item;
  }

  /** Adds items made at the current version, without a change of their own (generation). */
  synchronized void seed(Iterable<T> generated) {
    generated.forEach(i -> items.put(i.id(), i));
  }

  /** Changes the live item {@code id}; empty when there is none. */
  synchronized Optional<T> change(String id, Change<T> change) {
    T current = items.get(id);
    if (current == null || current.deleted()) {
      return Optional.empty();
    }
    T next = change.apply(current, sequence.incrementAndGet());
    items.put(id, next);
    return Optional.of(next);
  }

  public synchronized int liveCount() {
    return (int) items.values().stream().filter(i -> !i.deleted()).count();
  }
}
