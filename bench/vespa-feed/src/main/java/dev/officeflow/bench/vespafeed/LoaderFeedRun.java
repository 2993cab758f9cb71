package dev.officeflow.bench.vespafeed;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.vespaloader.VespaLoaderApplication;
import dev.officeflow.vespasim.SimStats;
import dev.officeflow.vespasim.VespaSim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * vespa-loader itself, in this process with its own application.yml (so its streams and flow
 * control are the service's), consuming its catalog subscription and feeding an in-process
 * vespa-sim.
 */
final class LoaderFeedRun implements AutoCloseable {

  /** Warm-up batches small enough to drain well within the subscription's 30 s ack deadline. */
  private static final int WARMUP_BATCH = 5_000;

  private static final Duration QUIET = Duration.ofSeconds(3);

  private final BenchPubSub pubSub;
  private final String topic;
  private final VespaSim sim;
  private final ConfigurableApplicationContext loader;

  /**
   * @param extraArgs more Spring arguments for the service ({@code
   *     --officeflow.vespa-loader.feed.max-in-flight=64}), to try settings without rebuilding it
   */
  LoaderFeedRun(
      BenchPubSub pubSub,
      String prefix,
      String topic,
      VespaSim sim,
      String redisUrl,
      List<String> extraArgs) {
    this.pubSub = pubSub;
    this.topic = topic;
    this.sim = sim;
    List<String> args =
        new ArrayList<>(
            List.of(
                "--officeflow.pubsub.prefix=" + prefix,
                "--officeflow.redis.url=" + redisUrl,
                "--officeflow.vespa-loader.feed.endpoints=http://127.0.0.1:" + sim.port() + "/",
                "--server.port=0",
                "--logging.structured.format.console=",
                "--logging.level.root=WARN"));
    args.addAll(extraArgs);
    this.loader =
        new SpringApplicationBuilder(VespaLoaderApplication.class).run(args.toArray(String[]::new));
  }

  /**
   * Feeds {@code events} uncounted events in batches, then waits until nothing more arrives, so no
   * late redelivery of the warm-up lands in the measured run.
   */
  void warmUp(int events, Duration limit) throws InterruptedException {
    for (int batch = 0; batch * WARMUP_BATCH < events; batch++) {
      int size = Math.min(WARMUP_BATCH, events - batch * WARMUP_BATCH);
      run(EmailMessages.of(size, "warm" + batch), "warm" + batch, limit);
    }
    long puts = -1;
    while (puts != sim.stats().puts()) {
      puts = sim.stats().puts();
      Thread.sleep(QUIET.toMillis());
    }
  }

  /**
   * Publishes the messages (made with {@code tag}) and waits until vespa-sim holds one document per
   * message in the tag's groups.
   */
  Rate run(List<PubsubMessage> messages, String tag, Duration limit) throws InterruptedException {
    sim.reset();
    long start = System.nanoTime();
    pubSub.publishAll(topic, messages);
    long published = System.nanoTime();
    long deadline = start + limit.toNanos();
    // Counting all email documents is cheap; counting the tag's groups exactly is not, so that
    // only confirms the end (a straggler from an earlier batch would make the first count early).
    long reached = awaitDocuments(messages.size(), deadline, this::emails);
    long done =
        documentsOf(tag) >= messages.size()
            ? reached
            : awaitDocuments(messages.size(), deadline, () -> documentsOf(tag));
    return new Rate(messages.size(), published - start, done - start);
  }

  SimStats stats() {
    return sim.stats();
  }

  /** Waits until {@code count} reaches {@code expected}; returns when it was seen to. */
  private long awaitDocuments(int expected, long deadline, DocumentCount count)
      throws InterruptedException {
    int seen;
    while ((seen = count.get()) < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("vespa-loader: " + seen + " of " + expected + " documents");
      }
      Thread.sleep(2);
    }
    return System.nanoTime();
  }

  private int emails() {
    return sim.stats().documents().getOrDefault("email", 0);
  }

  private int documentsOf(String tag) {
    return IntStream.range(0, EmailMessages.USERS)
        .map(user -> sim.documents("email", EmailMessages.user(tag, user)).size())
        .sum();
  }

  /** A document count taken now. */
  @FunctionalInterface
  private interface DocumentCount {
    int get();
  }

  @Override
  public void close() {
    loader.close();
  }
}
