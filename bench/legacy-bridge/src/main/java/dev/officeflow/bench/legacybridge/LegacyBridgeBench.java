package dev.officeflow.bench.legacybridge;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The legacy bridge from its exec jar (the registry's JVM options, as ./dev up runs it) on this
 * run's emulator: legacy {@code EmailBackfillEvent} batches of fifty published to {@code
 * email-backfill}, typed events counted on {@code emails}, items per second from the first publish
 * to the last arrival; beside it, in the same run, the emulator's raw rate: single messages of the
 * typed events' size published to a plain topic and consumed by a plain subscriber. The raw rate is
 * measured before and after the bridge and averaged, since the machine's load moves meanwhile.
 */
public final class LegacyBridgeBench {

  private static final String LEGACY_TOPIC = "email-backfill";
  private static final String TYPED_TOPIC = "emails";
  private static final String COLLECTOR = "bench-legacy-bridge-emails";
  private static final String DEAD_LETTERS = "legacy-bridge-email-backfill-dead-letter";
  private static final String RAW_TOPIC = "bench-legacy-bridge-raw";
  private static final String RAW_SUBSCRIPTION = "bench-legacy-bridge-raw";
  private static final int BATCH = 50;
  // The consumers' streaming pulls (the bridge's parallel-pull-count): the same on both sides.
  private static final int STREAMS = 4;
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final EventCodec CODEC = new EventCodec();

  private final EmulatorPubSub pubSub;
  private final Mailbox mailbox;
  private final Semaphore inFlight = new Semaphore(512);

  private LegacyBridgeBench(EmulatorPubSub pubSub, Mailbox mailbox) {
    this.pubSub = pubSub;
    this.mailbox = mailbox;
  }

  public static void main(String[] args) throws Exception {
    int batches = Integer.getInteger("bench.batches", 200);
    int warmup = Integer.getInteger("bench.warmupBatches", 100);
    int raw = Integer.getInteger("bench.raw", batches * BATCH);
    int bodyBytes = Integer.getInteger("bench.bodyBytes", 4096);
    String javaOptions = System.getProperty("bench.serviceJavaOpts", "");
    // Extra Spring arguments for the bridge (e.g. publisher batching), to try a setting unbuilt.
    String serviceArgs = System.getProperty("bench.serviceArgs", "").strip();
    System.out.println("load average before: " + loadAverage());
    try (EmulatorPubSub pubSub = new EmulatorPubSub();
        ServiceProcess bridge =
            ServiceProcess.launch(
                "legacy-bridge",
                javaOptions,
                Path.of("bench/legacy-bridge/target/legacy-bridge.log"),
                port -> arguments(serviceArgs))) {
      LegacyBridgeBench bench = new LegacyBridgeBench(pubSub, new Mailbox(bodyBytes));
      bench.subscriptions();
      Duration healthy = bridge.awaitHealthy(HTTP, Duration.ofMinutes(5));
      System.out.printf(
          "bridge (pid %d) healthy in %d ms, RSS %d kB%n",
          bridge.pid(), healthy.toMillis(), bridge.rssKb());
      try (Arrivals deadLetters = new Arrivals(pubSub, DEAD_LETTERS, 1, 1, m -> m.getMessageId())) {
        Result warm = bench.bridge("warm", warmup);
        int itemBytes = (int) warm.meanBytes();
        System.out.printf(
            "warm-up: %d batches of %d (%d items) in %.1f s; typed events of %d bytes on average%n",
            warmup, BATCH, warm.count(), warm.seconds(), itemBytes);
        Result rawBefore = bench.raw("before", raw, itemBytes);
        print("raw emulator (before)", rawBefore, "messages");
        bridge.sampleMemory();
        Duration cpuBefore = cpu(bridge);
        Result measured = bench.bridge("bench", batches);
        long peakRss = bridge.peakRssKb();
        Duration cpu = cpu(bridge).minus(cpuBefore);
        print("bridge", measured, "items");
        // CPU time, unlike the rate, hardly depends on what else the machine runs.
        System.out.printf(
            "bridge CPU: %.1f s for %d items = %.0f us per item (%.0f items per CPU second)%n",
            cpu.toMillis() / 1000.0,
            measured.count(),
            cpu.toNanos() / 1000.0 / Math.max(1, measured.count()),
            measured.count() / Math.max(0.001, cpu.toMillis() / 1000.0));
        Result rawAfter = bench.raw("after", raw, itemBytes);
        print("raw emulator (after)", rawAfter, "messages");
        double rawRate = (rawBefore.rate() + rawAfter.rate()) / 2;
        System.out.printf(
            "ratio: bridge %.0f items/s / raw %.0f messages/s (mean of before and after) = %.2f"
                + " (target >= 0.5)%n",
            measured.rate(), rawRate, measured.rate() / rawRate);
        System.out.printf(
            "bridge RSS: peak %d kB during the run, %d kB after; dead letters: %d%n",
            peakRss, bridge.rssKb(), deadLetters.count());
        System.out.println("bridge counters: " + counters(bridge));
      }
      System.out.println("load average after: " + loadAverage());
    }
  }

  /**
   * The collector on {@code emails} and the raw topic; the catalog did the rest (setup-pubsub). The
   * catalog's own subscriptions of {@code emails} go: no consumer reads them here, and each would
   * cost the emulator a copy of every typed event that the raw topic, with its one subscriber, does
   * not pay.
   */
  private void subscriptions() {
    for (String unread : List.of("contacts-emails", "vespa-loader-emails", "notifier-emails")) {
      pubSub.admin().deleteSubscription(unread);
    }
    pubSub
        .admin()
        .createSubscription(
            Subscription.newBuilder()
                .setName(COLLECTOR)
                .setTopic(TYPED_TOPIC)
                .setAckDeadlineSeconds(60));
    pubSub.admin().createTopic(RAW_TOPIC);
    pubSub
        .admin()
        .createSubscription(
            Subscription.newBuilder()
                .setName(RAW_SUBSCRIPTION)
                .setTopic(RAW_TOPIC)
                .setAckDeadlineSeconds(60));
  }

  /** {@code batches} legacy batches of user {@code user}, their items counted on {@code emails}. */
  private Result bridge(String user, int batches) throws InterruptedException {
    List<byte[]> messages = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      messages.add(CODEC.encodePayload(mailbox.batch(user, b, BATCH)));
    }
    long expected = (long) batches * BATCH;
    try (Arrivals typed =
        new Arrivals(
            pubSub,
            COLLECTOR,
            STREAMS,
            expected,
            m -> user.equals(m.getAttributesOrDefault("ce-subject", "")) ? eventId(m) : null)) {
      long start = System.nanoTime();
      publishAll(LEGACY_TOPIC, messages);
      if (!typed.await(LIMIT)) {
        System.out.printf("(%s: %d of %d items within %s)%n", user, typed.count(), expected, LIMIT);
      }
      return new Result(
          typed.count(), typed.lastArrivalNanos() - start, typed.bytes(), typed.duplicates());
    }
  }

  /** {@code count} single messages of {@code bytes} each through a plain topic and subscriber. */
  private Result raw(String phase, int count, int bytes) throws InterruptedException {
    byte[] filler = new byte[bytes];
    Arrays.fill(filler, (byte) 'x');
    List<byte[]> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(filler);
    }
    try (Arrivals plain =
        new Arrivals(
            pubSub,
            RAW_SUBSCRIPTION,
            STREAMS,
            count,
            m -> phase.equals(m.getAttributesOrDefault("phase", "")) ? m.getMessageId() : null)) {
      long start = System.nanoTime();
      publishAll(RAW_TOPIC, messages, phase);
      if (!plain.await(LIMIT)) {
        System.out.printf("(raw %s: %d of %d within %s)%n", phase, plain.count(), count, LIMIT);
      }
      return new Result(
          plain.count(), plain.lastArrivalNanos() - start, plain.bytes(), plain.duplicates());
    }
  }

  private void publishAll(String topic, List<byte[]> messages) throws InterruptedException {
    publishAll(topic, messages, "");
  }

  /** Publishes every message, at most 512 unconfirmed at once, and waits for every confirmation. */
  private void publishAll(String topic, List<byte[]> messages, String phase)
      throws InterruptedException {
    List<CompletableFuture<String>> sent = new ArrayList<>(messages.size());
    for (byte[] data : messages) {
      PubsubMessage.Builder message = PubsubMessage.newBuilder().setData(ByteString.copyFrom(data));
      if (!phase.isEmpty()) {
        message.putAttributes("phase", phase);
      }
      inFlight.acquire();
      sent.add(
          pubSub
              .publisher()
              .publish(topic, message.build())
              .whenComplete((id, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  private static String eventId(PubsubMessage message) {
    return message.getAttributesOrDefault("ce-id", message.getMessageId());
  }

  private static void print(String what, Result result, String unit) {
    System.out.printf(
        "%s: %d %s in %.2f s = %.0f %s/s (%d duplicates)%n",
        what, result.count(), unit, result.seconds(), result.rate(), unit, result.duplicates());
  }

  /** The bridge's own count of settled legacy messages and dead letters (its Prometheus page). */
  private static String counters(ServiceProcess bridge) {
    try {
      String page =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(bridge.baseUrl() + "/actuator/prometheus"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return page.lines()
          .filter(
              l ->
                  l.startsWith("officeflow_consumer_messages_total")
                      || l.startsWith("officeflow_dead_letters_total"))
          .filter(l -> l.contains("email-backfill"))
          .toList()
          .toString();
    } catch (IOException | InterruptedException e) {
      return "(not read: " + e + ")";
    }
  }

  private static List<String> arguments(String extra) {
    List<String> arguments = new ArrayList<>(List.of("--officeflow.environment=local"));
    if (!extra.isEmpty()) {
      arguments.addAll(Arrays.asList(extra.split("\\s+")));
    }
    return arguments;
  }

  /** The bridge process's CPU time so far (user and system), as the kernel counts it. */
  private static Duration cpu(ServiceProcess bridge) {
    return ProcessHandle.of(bridge.pid())
        .flatMap(p -> p.info().totalCpuDuration())
        .orElse(Duration.ZERO);
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  /** What arrived: how many, in how long from the first publish, how many bytes, repeats. */
  private record Result(long count, long nanos, long bytes, long duplicates) {
    double seconds() {
      return nanos / 1e9;
    }

    double rate() {
      return count / seconds();
    }

    double meanBytes() {
      return count == 0 ? 0 : (double) bytes / count;
    }
  }
}
