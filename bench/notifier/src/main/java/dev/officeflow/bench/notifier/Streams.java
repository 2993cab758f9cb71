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

  /**
   * An event's SSE id is its Redis stream entry id, {@code <ms>-<seq>}: the time the notifier
   * appended it, which splits the latency into publish → appended and appended → client.
   */
  private static final Pattern EVENT =
      Pattern.compile("id:(\\d+)-\\d+\\nevent:progress\\ndata:.*?\"last_updated\":\"([^\"]+)\"");

  private final LoopResources loops = LoopResources.create("bench-sse", 2, true);
  private final HttpClient http =
      HttpClient.create(ConnectionProvider.newConnection()).runOn(loops);
  private final List<Disposable> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final Latencies latencies;
  private final Latencies toAppended = new Latencies();
  private final Latencies fromAppended = new Latencies();
  private final WorstBySecond worstBySecond = new WorstBySecond();

  Streams(Latencies latencies) {
    this.latencies = latencies;
  }

  /** Forgets the latencies recorded so far (a warm-up's); the streams stay open. */
  void clear() {
    latencies.clear();
    toAppended.clear();
    fromAppended.clear();
    worstBySecond.clear();
  }

  /** The progress events' latency in two parts: publish → appended, appended → client. */
  String stages() {
    return "publish -> notifier appended: "
        + toAppended.summary()
        + "; appended -> client: "
        + fromAppended.summary();
  }

  /**
   * The longest publish-to-client latency of the events published in each second of the load, in
   * order: whether the tail is spread over the run or bunched (at its start, or at a stall).
   */
  String worstBySecond() {
    return worstBySecond.toString();
  }

  /**
   * Opens a stream; the result is whether it opened (its first comment arrived). What arrives is
   * read an SSE event at a time (up to its blank line): a read of the socket may end inside an
   * event, and such an event read as two chunks went uncounted (a tenth of them under load).
   */
  Mono<Boolean> open(String url) {
    Sinks.One<Boolean> connected = Sinks.one();
    StringBuilder pending = new StringBuilder();
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
                  pending.append(chunk);
                  for (int end = pending.indexOf("\n\n"); end >= 0; end = pending.indexOf("\n\n")) {
                    String event = pending.substring(0, end + 2);
                    pending.delete(0, end + 2);
                    if (event.contains(":connected")) {
                      connected.tryEmitValue(true);
                    }
                    read(event);
                  }
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
      long now = System.currentTimeMillis();
      while (m.find()) {
        long sent = Instant.parse(m.group(1)).toEpochMilli();
        latencies.record((now - sent) * 1_000_000L);
        worstBySecond.record(sent, now - sent);
      }
      Matcher staged = EVENT.matcher(chunk);
      while (staged.find()) {
        long appended = Long.parseLong(staged.group(1));
        long sent = Instant.parse(staged.group(2)).toEpochMilli();
        toAppended.record(Math.max(0, appended - sent) * 1_000_000L);
        fromAppended.record(Math.max(0, now - appended) * 1_000_000L);
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
