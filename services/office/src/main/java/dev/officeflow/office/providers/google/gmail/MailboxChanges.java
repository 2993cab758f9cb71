package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.Message;
import dev.officeflow.events.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One {@code history.list} page reduced to one operation per message, in order of first change: a
 * message added in the page is a {@code create} (later label changes are in what is fetched), a
 * message deleted is a {@code delete} whatever came before, a label change alone an {@code update}.
 *
 * @param changes message id → operation
 * @param threads message id → thread id, for deletes (nothing is left to fetch)
 * @param records history records in the page (the deltas)
 * @param position where the next read starts once this page is published: the last record's id when
 *     more pages follow, else the mailbox's current history id
 * @param mailboxHistoryId the mailbox's history id when Gmail answered
 */
record MailboxChanges(
    Map<String, Operation> changes,
    Map<String, String> threads,
    int records,
    long position,
    long mailboxHistoryId,
    @Nullable String nextPageToken) {

  static MailboxChanges of(ListHistoryResponse page) {
    Map<String, Operation> changes = new LinkedHashMap<>();
    Map<String, String> threads = new LinkedHashMap<>();
    List<History> history = page.getHistory() == null ? List.of() : page.getHistory();
    long mailbox = page.getHistoryId() == null ? 0 : page.getHistoryId().longValue();
    long last = mailbox;
    for (History h : history) {
      record(changes, threads, h.getMessagesAdded(), m -> m.getMessage(), Operation.CREATE);
      record(changes, threads, h.getLabelsAdded(), m -> m.getMessage(), Operation.UPDATE);
      record(changes, threads, h.getLabelsRemoved(), m -> m.getMessage(), Operation.UPDATE);
      record(changes, threads, h.getMessagesDeleted(), m -> m.getMessage(), Operation.DELETE);
      last = h.getId() == null ? last : h.getId().longValue();
    }
    boolean more = page.getNextPageToken() != null;
    return new MailboxChanges(
        changes, threads, history.size(), more ? last : mailbox, mailbox, page.getNextPageToken());
  }

  private static <T> void record(
      Map<String, Operation> changes,
      Map<String, String> threads,
      @Nullable List<T> entries,
      Function<T, Message> message,
      Operation operation) {
    if (entries == null) {
      return;
    }
    for (T entry : entries) {
      Message m = message.apply(entry);
      if (m == null || m.getId() == null) {
        continue;
      }
      if (m.getThreadId() != null) {
        threads.put(m.getId(), m.getThreadId());
      }
      changes.merge(m.getId(), operation, MailboxChanges::combine);
    }
  }

  /** A delete wins; a create stays a create (the fetch shows the latest labels). */
  private static Operation combine(Operation before, Operation now) {
    if (now == Operation.DELETE || before == Operation.DELETE) {
      return Operation.DELETE;
    }
    return before == Operation.CREATE ? Operation.CREATE : now;
  }

  /** Ids to fetch: created or updated messages. */
  List<String> toFetch() {
    return changes.entrySet().stream()
        .filter(e -> e.getValue() != Operation.DELETE)
        .map(Map.Entry::getKey)
        .toList();
  }

  List<String> deleted() {
    return changes.entrySet().stream()
        .filter(e -> e.getValue() == Operation.DELETE)
        .map(Map.Entry::getKey)
        .toList();
  }
}
