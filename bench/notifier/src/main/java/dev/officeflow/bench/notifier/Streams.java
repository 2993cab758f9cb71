package dev.officeflow.bench.notifier;

import dev.officeflow.testsupport.Latencies;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Many SSE streams over one client event loop (reactor-netty, one connection per stream, no pool).
 * Counts streams that have opened (their first comment arrived) and, for each progress event,
 * records the time from its {@code last_updated} (set when it was published) to its arrival.
 */
final class Streams implements AutoCloseable {

  private static final Pattern MEASURED = Pattern.compile("\"last_updated\":\"([^\"]+)\"");

  private final LoopResources loops = LoopResources.create("bench-sse", 2, true);
  private final HttpClient http =
      HttpClient.create(ConnectionProvider.newConnection()).runOn(loops);
  private final List<Disposable> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final Latencies latencies;

  Streams(Latencies latencies) {
    this.latencies = latencies;
  }

  /** Opens a stream; the result is whether it opened (its first comment arrived). */
  Mono<Boolean> open(String url) {
    Sinks.One<Boolean> connected = Sinks.one();
    open.add(
        http.get()
            .uri(url)
            .responseContent()
            .map(Streams::text)
            .doFinally(
                signal -> {
                  ended.incrementAndGet();
                  connected.tryEmitValue(false);
                })
            .subscribe(
                chunk -> {
                  if (chunk.contains(":connected")) {
                    connected.tryEmitValue(true);
                  }
                  read(chunk);
                },
                error -> {}));
    return connected.asMono();
  }

  /** Opens a stream for each of {@code urls}, {@code concurrency} connecting at once. */
  long openAll(List<String> urls, int concurrency) {
    Long count =
        Flux.fromIterable(urls)
            .flatMap(this::open, concurrency)
            .filter(Boolean::booleanValue)
            .count()
            .block();
    return count == null ? 0 : count;
  }

  private static String text(ByteBuf buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private void read(String chunk) {
    if (chunk.contains(":connected")) {
      opened.incrementAndGet();
    }
    if (chunk.contains("event:progress")) {
      Matcher m = MEASURED.matcher(chunk);
      while (m.find()) {
        long sent = Instant.parse(m.group(1)).toEpochMilli();
        latencies.record((System.currentTimeMillis() - sent) * 1_000_000L);
      }
    }
  }

  int opened() {
    return opened.get();
  }

  int ended() {
    return ended.get();
  }

  @Override
  public void close() {
    open.forEach(Disposable::dispose);
    open.clear();
  }

  void shutdown() {
    close();
    loops.dispose();
  }
}
