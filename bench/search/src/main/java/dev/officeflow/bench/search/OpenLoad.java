package dev.officeflow.bench.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Requests on a fixed schedule (open model): request {@code k} is due at {@code start + k / rate},
 * is sent then whatever the earlier ones are doing, and its latency counts from when it was due, so
 * a stall is charged to every request queued behind it. The first {@code warmup} seconds are sent
 * but not counted.
 */
final class OpenLoad {

  /** One answered request: when it was due (ns since the start), latency (ns), status. */
  record Sample(long dueNanos, long latencyNanos, int status) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Sends {@code rate × (warmup + seconds)} requests; {@code request} builds the k-th. Returns the
   * measured samples (after the warm-up), in no particular order; failures have status -1.
   */
  List<Sample> run(int rate, int warmup, int seconds, IntFunction<HttpRequest> request)
      throws InterruptedException {
    int total = rate * (warmup + seconds);
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long warmupNanos = TimeUnit.SECONDS.toNanos(warmup);
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    ticks.scheduleAtFixedRate(
        () -> {
          // Catch up on every request already due: a late tick must not lower the rate.
          while (next.get() < total && System.nanoTime() - start >= next.get() * periodNanos) {
            int k = next.getAndIncrement();
            long due = k * periodNanos;
            inFlight.add(
                http.sendAsync(request.apply(k), HttpResponse.BodyHandlers.discarding())
                    .handle(
                        (response, error) -> {
                          long latency = System.nanoTime() - start - due;
                          if (due >= warmupNanos) {
                            samples.add(
                                new Sample(
                                    due, latency, error == null ? response.statusCode() : -1));
                          }
                          return null;
                        }));
          }
        },
        0,
        Math.max(1, periodNanos / 4),
        TimeUnit.NANOSECONDS);
    while (next.get() < total) {
      Thread.sleep(100);
    }
    ticks.shutdown();
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .orTimeout(60, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
    return new ArrayList<>(samples);
  }

  /** n, percentiles and the failures of {@code samples}. */
  static String summary(List<Sample> samples) {
    List<Long> latencies = new ArrayList<>();
    int failed = 0;
    for (Sample sample : samples) {
      latencies.add(sample.latencyNanos());
      if (sample.status() != 200) {
        failed++;
      }
    }
    Collections.sort(latencies);
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms p99.9=%.1f ms max=%.1f ms; non-200=%d",
        latencies.size(),
        percentile(latencies, 50),
        percentile(latencies, 90),
        percentile(latencies, 99),
        percentile(latencies, 99.9),
        percentile(latencies, 100),
        failed);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }

  static HttpRequest get(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }
}
