package dev.officeflow.bench.notifier;

import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.Latencies;
import dev.officeflow.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the notifier as a process and measures: 1) its RSS while it holds many idle streams; 2)
 * publish-to-client latency of progress reports while a backfill-like load of batch items (which
 * the notifier coalesces into counts) is published for the connected users.
 */
public final class NotifierBench {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");

  private NotifierBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int streams = Integer.parseInt(options.getOrDefault("streams", "10000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "1000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    int backfillRate = Integer.parseInt(options.getOrDefault("backfill-rate", "2000"));
    System.out.println("load average before: " + loadAverage());
    try (TestJwks jwks = TestJwks.start();
        EmulatorPubSub pubSub = new EmulatorPubSub();
        ServiceProcess notifier =
            ServiceProcess.launch(
                "notifier",
                options.getOrDefault("java-opts", ""),
                Path.of("bench/notifier/target/notifier.log"),
                port ->
                    List.of(
                        "--officeflow.environment=local",
                        "--officeflow.security.user-jwt.jwk-set-uri=" + jwks.uri(),
                        "--officeflow.notifier.stream.max-connections-per-user=8",
                        // Asking for 10,000 tickets takes longer than a ticket lives (60 s) on a
                        // busy machine; the tickets are not what is measured.
                        "--officeflow.notifier.ticket.ttl=30m"))) {
      Duration start = notifier.awaitHealthy(HTTP, Duration.ofSeconds(300));
      System.out.printf("start to healthy: %.2f s%n", start.toMillis() / 1000.0);
      System.out.printf("RSS after start: %d MB%n", notifier.rssKb() / 1024);
      if (streams > 0) {
        idleStreams(notifier, jwks, streams);
      }
      if (clients > 0) {
        latencyUnderLoad(notifier, jwks, pubSub, new Load(clients, seconds, warmup, backfillRate));
      }
      System.out.println("load average after: " + loadAverage());
    }
  }

  private static void idleStreams(ServiceProcess notifier, TestJwks jwks, int count)
      throws Exception {
    List<String> tickets = tickets(notifier, jwks, "idle-", count);
    Streams idle = new Streams(new Latencies());
    notifier.sampleMemory();
    long start = System.nanoTime();
    // 200 connecting at once, as clients arrive rather than in one burst of SYNs.
    idle.openAll(urls(notifier, tickets), 200);
    System.out.printf(
        "idle streams: %d open (%d ended) after %.1f s%n",
        idle.opened(), idle.ended(), (System.nanoTime() - start) / 1e9);
    // Through a heartbeat (20 s) with every stream open.
    TimeUnit.SECONDS.sleep(25);
    System.out.printf(
        "idle streams: %d still open; RSS now %d MB, peak %d MB (target < 384 MB)%n",
        idle.opened() - idle.ended(), notifier.rssKb() / 1024, notifier.peakRssKb() / 1024);
    idle.shutdown();
  }

  /**
   * The load: {@code clients} users for {@code seconds}, after {@code warmup} seconds of the same
   * load that are not counted (a fresh JVM's first seconds: class loading, the first decode of each
   * event type, C1 compiling; printed apart as the cold start).
   */
  private record Load(int clients, int seconds, int warmup, int backfillRate) {}

  private static void latencyUnderLoad(
      ServiceProcess notifier, TestJwks jwks, EmulatorPubSub pubSub, Load load) throws Exception {
    int clients = load.clients();
    int seconds = load.seconds();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      users.add("live-" + i);
    }
    // The emulator alone, in the same run: its own subscription of the progress topic, read with
    // the notifier's streams and flow control (application.yml), only timestamped and acked. It
    // starts before the clients connect, so that its streams are as old (and as long idle) as the
    // notifier's when the load begins: the Pub/Sub client closes and reopens a stream that leaves
    // its keepalive unanswered, as the emulator does.
    PlainSubscriber plain =
        new PlainSubscriber(
            pubSub, "progress", "bench-plain-progress-" + System.nanoTime(), 4, 250);
    List<String> tickets = tickets(notifier, jwks, "live-", clients);
    Latencies latencies = new Latencies();
    Streams live = new Streams(latencies);
    live.openAll(urls(notifier, tickets), 200);
    System.out.printf("live streams: %d open (%d ended)%n", live.opened(), live.ended());
    notifier.sampleMemory();
    int round = 0;
    if (load.warmup() > 0) {
      ProgressLoad.Published warm =
          ProgressLoad.publish(pubSub, users, load.warmup(), load.backfillRate(), 0);
      round = warm.rounds();
      awaitOrReport(
          () -> latencies.count() >= warm.progress() && plain.count() >= warm.progress(),
          Duration.ofSeconds(30));
      System.out.printf(
          "warm-up (not counted below): %d s, %d progress reports; publish-to-client %s;"
              + " longest ms by second: %s%n",
          load.warmup(), warm.progress(), latencies.summary(), live.worstBySecond());
      live.clear();
      plain.clear();
    }
    String metricsBefore = prometheus(notifier);
    double cpuBefore = cpuSeconds(notifier.pid());
    ProgressLoad.Published measured =
        ProgressLoad.publish(pubSub, users, seconds, load.backfillRate(), round);
    long published = measured.progress();
    long items = measured.items();
    double cpuUsed = cpuSeconds(notifier.pid()) - cpuBefore;
    long expected = published;
    awaitOrReport(
        () -> latencies.count() >= expected && plain.count() >= expected, Duration.ofSeconds(30));
    System.out.printf(
        "load: %d clients, %d s, %d progress reports and %d backfill items published (%.0f/s)%n",
        clients, seconds, published, items, items / (double) seconds);
    System.out.printf(
        "progress publish-to-client: %d of %d received; %s (target p99 < 1000 ms)%n",
        latencies.count(), published, latencies.summary());
    System.out.println("progress stages: " + live.stages());
    System.out.printf(
        "notifier CPU while publishing: %.1f s in %d s (the machine has %d cores)%n",
        cpuUsed, seconds, Runtime.getRuntime().availableProcessors());
    System.out.println("progress, longest ms by second of publish: " + live.worstBySecond());
    System.out.printf("emulator alone: %d of %d; %s%n", plain.count(), expected, plain.summary());
    String metrics = prometheus(notifier);
    System.out.println(
        "notifier: publish time -> received: "
            + timings(metricsBefore, metrics, "received_lag", "notifier-progress")
            + "; received -> appended: "
            + timings(metricsBefore, metrics, "handled", "notifier-progress"));
    System.out.println(
        "notifier, backfill items: publish time -> received: "
            + timings(metricsBefore, metrics, "received_lag", "notifier-emails"));
    plain.close();
    System.out.printf(
        "peak RSS under load: %d MB; streams ended: %d%n",
        notifier.peakRssKb() / 1024, live.ended());
    live.shutdown();
  }

  /**
   * The measured phase's part of the notifier's histogram {@code
   * officeflow_notifier_feed_<name>_seconds}.
   */
  private static String timings(String before, String after, String name, String subscription) {
    String metric = "officeflow_notifier_feed_" + name + "_seconds";
    return NotifierTimings.of(after, metric, subscription)
        .since(NotifierTimings.of(before, metric, subscription))
        .summary();
  }

  private static String prometheus(ServiceProcess notifier) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(notifier.baseUrl() + "/actuator/prometheus")).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static List<String> urls(ServiceProcess notifier, List<String> tickets) {
    return tickets.stream().map(t -> notifier.baseUrl() + "/v1/stream?ticket=" + t).toList();
  }

  /** A ticket for each of {@code count} users, asked with their JWTs, 64 requests at a time. */
  private static List<String> tickets(
      ServiceProcess notifier, TestJwks jwks, String prefix, int count) {
    Semaphore inFlight = new Semaphore(64);
    List<CompletableFuture<String>> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(notifier.baseUrl() + "/v1/stream-tickets"))
              .header("Authorization", "Bearer " + jwks.token(prefix + i))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      inFlight.acquireUninterruptibly();
      tickets.add(
          HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete((r, e) -> inFlight.release())
              .thenApply(NotifierBench::ticket));
    }
    return tickets.stream().map(CompletableFuture::join).toList();
  }

  private static String ticket(HttpResponse<String> response) {
    Matcher m = TICKET.matcher(response.body());
    if (response.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("ticket: " + response.statusCode() + " " + response.body());
    }
    return m.group(1);
  }

  private static void awaitOrReport(BooleanSupplier done, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    if (!done.getAsBoolean()) {
      System.out.println("(not reached within " + limit + ")");
    }
  }

  /** The process's user and system time so far, from /proc (clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private static String loadAverage() throws java.io.IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
