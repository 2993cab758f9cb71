package dev.officeflow.bench.contacts;

import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two numbers for the contacts service (ARCHITECTURE §11):
 *
 * <ol>
 *   <li>sustained consumption of email events from {@code contacts-emails} (target ≥ 2,000/s):
 *       a backlog of {@code EVENTS} messages, rate = events / (last ack − first ack);
 *   <li>{@code GET /onboarding/vips} latency for a user with 5,000 contacts at 200 requests/s,
 *       open loop (latency counted from each request's scheduled start), for a fixed duration
 *       (target p99 < 50 ms).
 * </ol>
 */
public final class ContactsBench {

  private static final int EVENTS = Integer.getInteger("bench.events", 40_000);
  private static final int VIP_CONTACTS = 5_000;
  private static final int USERS = 10;
  private static final int RATE = Integer.getInteger("bench.rate", 200);
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));

  private ContactsBench() {}

  public static void main(String[] args) throws Exception {
    try (ContactsApp app =
        ContactsApp.start(
            "bench_contacts",
            Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off"))) {
      List<EmailEvent> events = events();
      long start = System.nanoTime();
      // Published through the service's own publisher while it consumes: the emulator's raw
      // publisher client was seen to exhaust native threads on this machine.
      for (int i = 0; i < events.size(); i += 5_000) {
        app.publish(events.subList(i, Math.min(events.size(), i + 5_000)));
      }
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      consumption(app, events.size(), publishSeconds, start);
      latency(app);
    }
    System.exit(0);
  }

  private static void consumption(ContactsApp app, int events, double publishSeconds, long start)
      throws InterruptedException {
    long first = 0;
    long last;
    while (true) {
      long acked = app.handled().acked(EventType.EMAIL);
      long now = System.nanoTime();
      if (first == 0 && acked > 0) {
        first = now;
      }
      if (acked >= events) {
        last = now;
        break;
      }
      if (now - start > TimeUnit.MINUTES.toNanos(10)) {
        throw new IllegalStateException("only " + acked + " of " + events + " consumed");
      }
      Thread.sleep(20);
    }
    double seconds = (last - first) / 1e9;
    long interactions = app.database().count("SELECT count(*) FROM interactions");
    long contacts = app.database().count("SELECT count(*) FROM contacts");
    System.out.printf(
        Locale.ROOT,
        "consumption: %d email events (published in %.1f s while consuming); first to last ack"
            + " %.1f s = %.0f events/s (target >= 2000); from first publish %.1f s = %.0f"
            + " events/s; %d interactions, %d contacts%n",
        events, publishSeconds, seconds, events / seconds, (last - start) / 1e9,
        events / ((last - start) / 1e9), interactions, contacts);
  }

  /** User 0 writes with {@value #VIP_CONTACTS} people both ways; the others with a shared pool. */
  private static List<EmailEvent> events() {
    SplittableRandom random = new SplittableRandom(42);
    Instant now = Instant.now();
    List<EmailEvent> out = new ArrayList<>(EVENTS);
    MailEvents vip = new MailEvents("u-bench-0", "owner0@acme.test");
    for (int i = 0; i < VIP_CONTACTS; i++) {
      String other = "person" + i + "@corp" + (i % 50) + ".test";
      Instant when = now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
      out.add(vip.email("v-in-" + i, other, List.of(vip.account()), List.of(cc(random)), when));
      out.add(vip.email("v-out-" + i, vip.account(), List.of(other), List.of(), when.plusSeconds(600)));
    }
    for (int i = out.size(); i < EVENTS; i++) {
      int u = 1 + random.nextInt(USERS - 1);
      MailEvents user = new MailEvents("u-bench-" + u, "owner" + u + "@acme.test");
      String other = "someone" + random.nextInt(2_000) + "@partner" + random.nextInt(40) + ".test";
      Instant when = now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
      boolean outbound = random.nextBoolean();
      out.add(
          outbound
              ? user.email("m-" + i, user.account(), List.of(other), List.of(cc(random)), when)
              : user.email("m-" + i, other, List.of(user.account()), List.of(cc(random)), when));
    }
    return out;
  }

  private static String cc(SplittableRandom random) {
    return "colleague" + random.nextInt(300) + "@acme.test";
  }

  private static void latency(ContactsApp app) throws Exception {
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = app.jwks().token("u-bench-0", "officeflow-user", List.of("officeflow"),
        Duration.ofHours(1));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips?limit=50"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> firstResponse = http.send(request, HttpResponse.BodyHandlers.ofString());
    long ranked =
        app.database()
            .count("SELECT count(*) FROM contacts WHERE user_id = 'u-bench-0' AND rank_key IS NOT NULL");
    System.out.printf(
        Locale.ROOT, "latency: user u-bench-0 has %d ranked contacts; first GET %d%n",
        ranked, firstResponse.statusCode());
    run(http, request, WARM_UP);
    long[] latencies = run(http, request, MEASURE);
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "latency: GET /onboarding/vips?limit=50 at %d req/s for %d s (open loop): n=%d p50=%.1f ms"
            + " p90=%.1f ms p99=%.1f ms max=%.1f ms (target p99 < 50 ms)%n",
        RATE, MEASURE.toSeconds(), latencies.length, ms(latencies, 0.50), ms(latencies, 0.90),
        ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
  }

  /** Sends at a fixed rate whatever the responses do; returns each latency in ns. */
  private static long[] run(HttpClient http, HttpRequest request, Duration duration)
      throws Exception {
    int total = (int) (duration.toSeconds() * RATE);
    long[] latencies = new long[total];
    AtomicInteger failures = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long intervalNanos = 1_000_000_000L / RATE;
    long origin = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    CompletableFuture<Void> allScheduled = new CompletableFuture<>();
    ticker.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          while (next.get() < total && origin + next.get() * intervalNanos <= now) {
            int i = next.getAndIncrement();
            long intended = origin + i * intervalNanos;
            inFlight.add(
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete(
                        (response, error) -> {
                          latencies[i] = System.nanoTime() - intended;
                          if (error != null || response.statusCode() != 200) {
                            failures.incrementAndGet();
                          }
                        }));
          }
          if (next.get() >= total) {
            allScheduled.complete(null);
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
    allScheduled.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
    ticker.shutdownNow();
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    if (failures.get() > 0) {
      System.out.printf(Locale.ROOT, "latency: %d of %d requests failed%n", failures.get(), total);
    }
    return latencies;
  }

  private static double ms(long[] sorted, double quantile) {
    int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
