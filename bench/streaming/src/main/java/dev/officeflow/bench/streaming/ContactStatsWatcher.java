package dev.officeflow.bench.streaming;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Notes when the contacts service's stats include each new message, with one query per tick for
 * every message still outstanding, in the contacts service's database.
 *
 * <p>The signal is the message's row in {@code interactions} (keyed by user, source and provider
 * item id). {@code InteractionStore.write} inserts it in the same transaction that adds it to the
 * contact's counters and decayed sums in {@code contacts} and rescores that contact, so the row is
 * visible exactly when the stats include the message, never before. The counters themselves cannot
 * say which messages they hold (every message here comes from the same sender), and {@code
 * user_state.contacts_version} only says that something changed.
 */
final class ContactStatsWatcher implements AutoCloseable {

  private static final String STORED =
      """
      SELECT DISTINCT i.user_id, i.item_id
      FROM unnest(?::text[], ?::text[]) AS w(user_id, item_id)
      JOIN interactions i
        ON i.user_id = w.user_id AND i.source = 'email' AND i.item_id = w.item_id
      """;

  private static final long TICK_MILLIS = 5;

  private record Item(String userId, String messageId) {}

  private final Map<Item, Change> outstanding = new ConcurrentHashMap<>();
  private final Connection connection;
  private final Thread thread;

  private ContactStatsWatcher(Connection connection) {
    this.connection = connection;
    this.thread = new Thread(this::pollUntilInterrupted, "contact-stats-watcher");
    thread.setDaemon(true);
  }

  static ContactStatsWatcher start(String jdbcUrl, String user, String password)
      throws SQLException {
    ContactStatsWatcher watcher =
        new ContactStatsWatcher(DriverManager.getConnection(jdbcUrl, user, password));
    watcher.thread.start();
    return watcher;
  }

  /**
   * Sets {@code change.countedAt} once the message's interaction is committed under any of {@code
   * itemIds} (the forms the contacts service may key it by).
   */
  void expect(String userId, List<String> itemIds, Change change) {
    itemIds.forEach(id -> outstanding.put(new Item(userId, id), change));
  }

  private void pollUntilInterrupted() {
    try (PreparedStatement query = connection.prepareStatement(STORED)) {
      while (!Thread.currentThread().isInterrupted()) {
        if (!outstanding.isEmpty()) {
          poll(query);
        }
        TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      // The bench then reports these messages as never counted, naming the cause here.
      System.err.println("contact stats watcher stopped: " + e);
    }
  }

  private void poll(PreparedStatement query) throws SQLException {
    List<Item> items = List.copyOf(outstanding.keySet());
    query.setArray(1, textArray(items.stream().map(Item::userId).toArray(String[]::new)));
    query.setArray(2, textArray(items.stream().map(Item::messageId).toArray(String[]::new)));
    try (ResultSet rows = query.executeQuery()) {
      // Stamped once the answer is back: never earlier than the commit it saw.
      long now = System.nanoTime();
      while (rows.next()) {
        Change change = outstanding.remove(new Item(rows.getString(1), rows.getString(2)));
        if (change != null) {
          change.countedAt = now;
          // The same message under its other keys: no longer asked for.
          outstanding.values().removeIf(c -> c == change);
        }
      }
    }
  }

  private Array textArray(String[] values) throws SQLException {
    return connection.createArrayOf("text", values);
  }

  @Override
  public void close() throws SQLException {
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
