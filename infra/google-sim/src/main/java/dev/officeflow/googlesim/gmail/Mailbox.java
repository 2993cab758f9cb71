package dev.officeflow.googlesim.gmail;

import dev.officeflow.googlesim.gmail.HistoryRecord.Type;
import dev.officeflow.simkit.mailbox.MailMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One account's Gmail state: messages, history log, history id, watch. Every change advances the
 * history id (by a varying step, as Gmail's ids are not contiguous), appends a history record and
 * is announced to listeners after the lock is released. Thread-safe.
 */
public final class Mailbox {

  /** The first history id of a fresh mailbox; generated messages take the ids after it. */
  static final long BASE_HISTORY_ID = 100_000;

  /**
   * A page of matching messages, newest first.
   *
   * @param next the key to continue after, null on the last page
   */
  public record Page<T>(List<T> items, @Nullable SortKey next, int total) {}

  /** Orders messages newest first, as {@code messages.list} returns them. */
  public record SortKey(long internalDate, String id) implements Comparable<SortKey> {
    static SortKey of(StoredMessage s) {
      return new SortKey(s.message().internalDate().toEpochMilli(), s.id());
    }

    @Override
    public int compareTo(SortKey o) {
      int byDate = Long.compare(o.internalDate, internalDate);
      return byDate != 0 ? byDate : o.id.compareTo(id);
    }
  }

  private final String owner;
  private final Clock clock;
  private final Duration retention;
  private final Map<String, StoredMessage> byId = new HashMap<>();
  private final TreeMap<SortKey, StoredMessage> ordered = new TreeMap<>();
  private final Map<String, Integer> threads = new HashMap<>();
  private final List<HistoryRecord> history = new ArrayList<>();
  private final List<Consumer<MailboxChange>> listeners = new CopyOnWriteArrayList<>();
  private long historyId = BASE_HISTORY_ID;
  private long oldestValid;
  private int changes;
  private @Nullable GmailWatch watch;

  public Mailbox(String owner, List<MailMessage> initial, Clock clock, Duration retention) {
    this.owner = owner;
    this.clock = clock;
    this.retention = retention;
    for (MailMessage m : initial) {
      historyId += 1 + (changes++ % 3);
      put(new StoredMessage(m, m.labelIds(), historyId));
    }
    oldestValid = historyId;
  }

  public String owner() {
    return owner;
  }

  public void onChange(Consumer<MailboxChange> listener) {
    listeners.add(listener);
  }

  public synchronized long historyId() {
    return historyId;
  }

  public synchronized int messagesTotal() {
    return byId.size();
  }

  public synchronized int threadsTotal() {
    return threads.size();
  }

  public synchronized Optional<StoredMessage> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Messages matching {@code filter}, newest first, strictly after {@code after} (a key from a
   * previous page) so pages stay stable while messages arrive.
   */
  public synchronized Page<StoredMessage> list(
      Predicate<StoredMessage> filter, @Nullable SortKey after, int max) {
    int total = (int) ordered.values().stream().filter(filter).count();
    Iterable<StoredMessage> rest =
        after == null ? ordered.values() : ordered.tailMap(after, false).values();
    List<StoredMessage> page = new ArrayList<>();
    boolean more = false;
    for (StoredMessage s : rest) {
      if (!filter.test(s)) {
        continue;
      }
      if (page.size() == max) {
        more = true;
        break;
      }
      page.add(s);
    }
    SortKey last = more ? SortKey.of(page.get(page.size() - 1)) : null;
    return new Page<>(page, last, total);
  }

  public StoredMessage add(MailMessage message) {
    StoredMessage stored;
    synchronized (this) {
      advance();
      stored = new StoredMessage(message, message.labelIds(), historyId);
      put(stored);
      record(Type.MESSAGE_ADDED, stored, List.of());
    }
    announce(stored.labelIds());
    return stored;
  }

  /** Adds and removes labels; a no-op change records nothing. */
  public Optional<StoredMessage> modifyLabels(String id, List<String> add, List<String> remove) {
    StoredMessage updated;
    synchronized (this) {
      StoredMessage current = byId.get(id);
      if (current == null) {
        return Optional.empty();
      }
      Set<String> labels = new LinkedHashSet<>(current.labelIds());
      List<String> added = add.stream().filter(labels::add).toList();
      List<String> removed = remove.stream().filter(labels::remove).toList();
      if (added.isEmpty() && removed.isEmpty()) {
        return Optional.of(current);
      }
      advance();
      updated = new StoredMessage(current.message(), List.copyOf(labels), historyId);
      replace(current, updated);
      if (!added.isEmpty()) {
        record(Type.LABEL_ADDED, updated, added);
      }
      if (!removed.isEmpty()) {
        record(Type.LABEL_REMOVED, updated, removed);
      }
    }
    announce(updated.labelIds());
    return Optional.of(updated);
  }

  public boolean delete(String id) {
    StoredMessage gone;
    synchronized (this) {
      gone = byId.remove(id);
      if (gone == null) {
        return false;
      }
      ordered.remove(SortKey.of(gone));
      threads.computeIfPresent(gone.threadId(), (k, n) -> n == 1 ? null : n - 1);
      advance();
      record(
          Type.MESSAGE_DELETED, new StoredMessage(gone.message(), List.of(), historyId), List.of());
    }
    announce(gone.labelIds());
    return true;
  }

  /**
   * Records after {@code startHistoryId} (and after {@code afterId}, for later pages); empty when
   * the start is older than the retained history, which Gmail answers with 404.
   */
  public synchronized Optional<List<HistoryRecord>> history(long startHistoryId, long afterId) {
    prune();
    if (startHistoryId < oldestValid) {
      return Optional.empty();
    }
    long from = Math.max(startHistoryId, afterId);
    return Optional.of(history.stream().filter(r -> r.id() > from).toList());
  }

  /** Forgets every history record: any earlier start id now gets 404. */
  public synchronized void expireHistory() {
    history.clear();
    oldestValid = historyId;
  }

  public synchronized void watch(GmailWatch newWatch) {
    watch = newWatch;
  }

  public synchronized void stop() {
    watch = null;
  }

  public synchronized Optional<GmailWatch> activeWatch() {
    if (watch != null && !watch.expiration().isAfter(clock.instant())) {
      watch = null;
    }
    return Optional.ofNullable(watch);
  }

  private void prune() {
    Instant cutoff = clock.instant().minus(retention);
    while (!history.isEmpty() && history.get(0).at().isBefore(cutoff)) {
      oldestValid = history.remove(0).id();
    }
  }

  private void advance() {
    historyId += 1 + (changes++ % 3);
  }

  private void put(StoredMessage s) {
    byId.put(s.id(), s);
    ordered.put(SortKey.of(s), s);
    threads.merge(s.threadId(), 1, Integer::sum);
  }

  private void replace(StoredMessage old, StoredMessage updated) {
    byId.put(updated.id(), updated);
    ordered.put(SortKey.of(updated), updated);
  }

  private void record(Type type, StoredMessage s, List<String> changed) {
    history.add(
        new HistoryRecord(
            historyId, clock.instant(), type, s.id(), s.threadId(), s.labelIds(), changed));
  }

  private void announce(List<String> labels) {
    MailboxChange change = new MailboxChange(owner, historyId(), labels);
    listeners.forEach(l -> l.accept(change));
  }
}
