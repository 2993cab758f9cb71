package dev.officeflow.bench.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Watches one scenario's users from outside the services, cheaply: the contacts service's database
 * every 250 ms for users that have ranked contacts (what {@code GET /onboarding/status} counts as
 * candidates: {@code contacts.rank_key IS NOT NULL}), the office's {@code backfill_jobs} every
 * second (each user's newest job), and the bench's subscription on {@code progress} every second.
 * Each query covers every user still outstanding at once, so the load is 5 queries a second
 * whatever the number of users.
 */
final class Watcher implements AutoCloseable {

  private static final String CANDIDATES =
      "SELECT DISTINCT user_id FROM contacts WHERE user_id = ANY(?) AND rank_key IS NOT NULL";
  private static final String JOBS =
      """
      SELECT DISTINCT ON (user_id) user_id, id, status, created_at, started_at, finished_at, published,
             error
      FROM backfill_jobs WHERE user_id = ANY(?) ORDER BY user_id, created_at DESC
      """;
  static final Duration GRACE = Duration.ofSeconds(30);

  /** A user's newest job as the office's table holds it. */
  record Job(
      String id,
      String status,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      long published,
      @Nullable String error) {

    boolean terminal() {
      return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
    }
  }

  private final List<String> users;
  private final Connection contactsDb;
  private final Connection officeDb;
  private final ProgressWatch progress;
  private final Map<String, Instant> candidatesAt = new ConcurrentHashMap<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong queries = new AtomicLong();
  private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor();
  private final java.util.function.LongSupplier consumerSettled;
  private volatile @Nullable Exception failure;
  private volatile long settledAtLastFinish = -1;

  Watcher(
      List<String> users,
      Connection contactsDb,
      Connection officeDb,
      ProgressWatch progress,
      java.util.function.LongSupplier consumerSettled) {
    this.users = List.copyOf(users);
    this.consumerSettled = consumerSettled;
    this.contactsDb = contactsDb;
    this.officeDb = officeDb;
    this.progress = progress;
  }

  void start() {
    polls.scheduleAtFixedRate(guard(this::pollCandidates), 0, 250, TimeUnit.MILLISECONDS);
    polls.scheduleAtFixedRate(guard(this::pollJobs), 0, 1, TimeUnit.SECONDS);
    polls.scheduleAtFixedRate(guard(progress::poll), 0, 1, TimeUnit.SECONDS);
  }

  /**
   * Waits until every user's newest job finished and, after that, every user has candidates or
   * {@link #GRACE} passed; false when {@code limit} passed first.
   */
  boolean awaitDone(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    Instant allFinished = null;
    while (System.nanoTime() < deadline) {
      if (failure != null) {
        throw failure;
      }
      boolean finished =
          jobs.size() == users.size() && jobs.values().stream().allMatch(Job::terminal);
      if (finished && allFinished == null) {
        allFinished = Instant.now();
        settledAtLastFinish = consumerSettled.getAsLong();
      }
      if (allFinished != null) {
        Duration since = Duration.between(allFinished, Instant.now());
        // Two more progress pulls at least: the last jobs' final reports follow their rows.
        boolean settled = since.compareTo(Duration.ofSeconds(2)) > 0;
        if (settled && (candidatesAt.size() == users.size() || since.compareTo(GRACE) > 0)) {
          return true;
        }
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    return false;
  }

  private Runnable guard(Poll poll) {
    return () -> {
      try {
        poll.run();
      } catch (Exception e) {
        failure = e;
      }
    };
  }

  @FunctionalInterface
  interface Poll {
    void run() throws Exception;
  }

  private void pollCandidates() throws SQLException {
    String[] outstanding =
        users.stream().filter(u -> !candidatesAt.containsKey(u)).toArray(String[]::new);
    if (outstanding.length == 0) {
      return;
    }
    try (PreparedStatement query = contactsDb.prepareStatement(CANDIDATES)) {
      query.setArray(1, contactsDb.createArrayOf("text", outstanding));
      queries.incrementAndGet();
      Instant seen = Instant.now();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          candidatesAt.putIfAbsent(rows.getString(1), seen);
        }
      }
    }
  }

  private void pollJobs() throws SQLException {
    String[] open =
        users.stream()
            .filter(u -> !jobs.containsKey(u) || !jobs.get(u).terminal())
            .toArray(String[]::new);
    if (open.length == 0) {
      return;
    }
    try (PreparedStatement query = officeDb.prepareStatement(JOBS)) {
      query.setArray(1, officeDb.createArrayOf("text", open));
      queries.incrementAndGet();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          jobs.put(
              rows.getString("user_id"),
              new Job(
                  rows.getString("id"),
                  rows.getString("status"),
                  rows.getTimestamp("created_at").toInstant(),
                  instant(rows.getTimestamp("started_at")),
                  instant(rows.getTimestamp("finished_at")),
                  rows.getLong("published"),
                  rows.getString("error")));
        }
      }
    }
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  Map<String, Instant> candidatesAt() {
    return Map.copyOf(candidatesAt);
  }

  Map<String, Job> jobs() {
    return Map.copyOf(jobs);
  }

  /** The consumer's settled count when every job had finished; -1 if that never happened. */
  long settledAtLastFinish() {
    return settledAtLastFinish;
  }

  long queries() {
    return queries.get();
  }

  @Override
  public void close() throws InterruptedException {
    polls.shutdownNow();
    polls.awaitTermination(10, TimeUnit.SECONDS);
  }
}
