package dev.officeflow.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Raw rate first; then warm-up rounds and the measured one, each the same: the consumers paused
 * ({@code POST /internal/consumers/pause}) while N users are backfilled, then each consumer resumed
 * on its own and timed while it drains the backlog. The warm-up rounds have the consumers' JIT
 * compile the paths a drain runs, as in a service that has been up a while. See {@code run} for
 * what it prints.
 */
public final class PipelineBench {

  private static final List<String> TOPICS = List.of("emails", "calendars");
  // Drained in this order, one at a time: each consumer's own capacity, like the raw rate, which
  // is one subscriber alone. Drained together on 2 cores they share the CPUs and both look slow.
  private static final Map<String, String> CONSUMERS = new LinkedHashMap<>();

  static {
    CONSUMERS.put("contacts", "CONTACTS_PORT");
    CONSUMERS.put("vespa-loader", "VESPA_LOADER_PORT");
  }

  private static final List<String> SERVICES =
      List.of("user", "office", "contacts", "vespa-loader");
  private static final Duration POLL = Duration.ofMillis(200);

  private PipelineBench() {}

  public static void main(String[] args) throws Exception {
    int users = Integer.getInteger("bench.users", 8);
    int warmupUsers = Integer.getInteger("bench.warmupUsers", 8);
    int warmupRounds = Integer.getInteger("bench.warmupRounds", 8);
    int rawCount = Integer.getInteger("bench.rawMessages", 20_000);
    SystemUnderTest system =
        new SystemUnderTest(
            Path.of(System.getProperty("bench.root")), Path.of(System.getProperty("bench.state")));

    System.out.printf("==> raw emulator publish -> consume, %,d messages%n", rawCount);
    double raw;
    try (Emulator emulator = Emulator.fromEnvironment()) {
      raw = new RawRate(emulator).run(rawCount);
    }
    System.out.printf("    %,.0f messages/s%n", raw);

    // The warm-up rounds are the measured round over again, uncounted. A drain runs paths a
    // consumer keeping up with a backfill does not (full flow-control windows, batches of hundreds,
    // streams reopened on resume); after a warm-up with the consumers running, their JIT still
    // compiled 500-1,300 methods during the measured drain. On 2 cores shared with the emulator
    // the compiler threads lag: first drains went at 800-1,250 events/s, second ones at twice that,
    // and contacts' C2 compiler still took 35 % of its CPU in the third and 32 % in the fourth
    // (per-thread CPU from /proc). The tail is long: methods that run once per batch (about 600
    // batches a drain) cross C2's thresholds drains later, and C2 still compiled 200-340 new
    // methods in each of drains 4-6, at 180, 152 and 134 us of contacts' CPU per event. Eight
    // warm-up rounds measure a consumer closer to one that has been up a while. Only the drains
    // are measured, so the backfills run at ten times Google's quota.
    system.raiseQuotaToOfficePacing();
    List<Map<String, Double>> warmups = new ArrayList<>();
    for (int round = 1; round <= warmupRounds; round++) {
      System.out.printf("==> warm-up round %d of %d: %d users%n", round, warmupRounds, warmupUsers);
      warmups.add(round(system, "warmup" + round + "-", warmupUsers));
    }
    System.out.printf("==> measured round: %d users%n", users);
    Map<String, Double> rates = round(system, "bench", users);
    System.out.println();
    System.out.printf("raw emulator publish->consume: %,.0f messages/s%n", raw);
    rates.forEach(
        (name, rate) ->
            System.out.printf(
                "%-13s %,8.0f events/s = %.2f of raw (target >= 0.50); warm-up rounds %s%n",
                name,
                rate,
                rate / raw,
                warmups.stream()
                    .map(w -> String.format("%,.0f/s", w.get(name)))
                    .collect(Collectors.joining(", "))));
    System.out.println();
    System.out.println("service        RSS (MiB, target < 384)   start (s, target < 10)");
    for (String service : SERVICES) {
      System.out.printf(
          "%-14s %8.0f                  %s%n",
          service,
          system.rssMib(service),
          system.startSeconds(service).map(s -> String.format("%6.1f", s)).orElse("   n/a"));
    }
  }

  /**
   * Pauses the consumers, backfills {@code users} at once, then resumes each consumer alone and
   * times its drain of the backlog; returns events/s per consumer.
   */
  private static Map<String, Double> round(SystemUnderTest system, String name, int users)
      throws Exception {
    for (String port : CONSUMERS.values()) {
      system.pauseConsumers(port);
    }
    System.out.printf("    %d users connected at once (consumers paused)%n", users);
    long published = backfill(system, name, users);
    Map<String, Double> rates = new LinkedHashMap<>();
    for (var consumer : CONSUMERS.entrySet()) {
      long before = system.settled(consumer.getValue(), TOPICS);
      system.resumeConsumers(consumer.getValue());
      double rate = drain(system, consumer.getValue(), before, published);
      System.out.printf(
          "    %s drained the backlog alone: %,.0f events/s%n", consumer.getKey(), rate);
      rates.put(consumer.getKey(), rate);
    }
    return rates;
  }

  /** Connects the users concurrently, waits for every job; returns the events published. */
  private static long backfill(SystemUnderTest system, String name, int users) throws Exception {
    long start = System.nanoTime();
    List<String> ids = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<Future<String>> connecting = new ArrayList<>();
      for (int i = 1; i <= users; i++) {
        String email = name + i + "@officeflow.test";
        int seed = name.hashCode() + i;
        connecting.add(pool.submit(() -> system.connect(email, seed).userId()));
      }
      for (Future<String> f : connecting) {
        ids.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    long published = 0;
    for (String id : ids) {
      published +=
          system.awaitJob(id, Duration.ofMinutes(15)).path("progress").path("published").asLong();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "    %,d events published in %.1f s (%,.0f/s, at the raised quota)%n",
        published, seconds, published / seconds);
    return published;
  }

  /**
   * Events/s from the first sample that saw deliveries beyond {@code before} to the last change,
   * once at least {@code expected} more were settled and the count stayed put for 3 s.
   */
  private static double drain(SystemUnderTest system, String port, long before, long expected)
      throws Exception {
    long first = -1;
    long firstAt = 0;
    long last = before;
    long lastChange = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      long settled = system.settled(port, TOPICS);
      if (first < 0 && settled > before) {
        first = settled;
        firstAt = now;
      }
      if (settled != last) {
        last = settled;
        lastChange = now;
      }
      if (last - before >= expected && now - lastChange > Duration.ofSeconds(3).toNanos()) {
        return (last - first) / ((lastChange - firstAt) / 1e9);
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "consumer on "
            + port
            + " settled "
            + (last - before)
            + " of "
            + expected
            + " in 15 minutes");
  }
}
