package dev.officeflow.bench.notifier;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The backfill-like load the latency part publishes: progress reports and batch items. */
final class ProgressLoad {

  private static final EventCodec CODEC = new EventCodec();

  private ProgressLoad() {}

  /** What one phase of the load published. */
  record Published(long progress, long items, int rounds) {}

  /**
   * Every 2 s a progress report per user (the office's progress interval), and backfill items
   * spread over the users at {@code backfillRate}, in 100 ms slices, for {@code seconds}. Each
   * user's reports come at its own phase of the 2 s, as independent jobs' do: all users' reports in
   * one burst would measure the burst's queue, which no office sends.
   */
  static Published publish(
      EmulatorPubSub pubSub, List<String> users, int seconds, int backfillRate, int firstRound)
      throws InterruptedException {
    long published = 0;
    long items = 0;
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    int round = firstRound;
    while (System.nanoTime() < end) {
      long sliceStart = System.nanoTime();
      List<CompletableFuture<String>> sent = new ArrayList<>();
      for (int u = round % 20; u < users.size(); u += 20) {
        sent.add(publish(pubSub, "progress", progress(users.get(u), round)));
        published++;
      }
      for (int i = 0; i < backfillRate / 10; i++) {
        String user = users.get((int) (items % users.size()));
        sent.add(publish(pubSub, "emails", EventFixtures.emailEvent(user, "r" + round + "-" + i)));
        items++;
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
      round++;
      long rest = Duration.ofMillis(100).toNanos() - (System.nanoTime() - sliceStart);
      if (rest > 0) {
        TimeUnit.NANOSECONDS.sleep(rest);
      }
    }
    return new Published(published, items, round);
  }

  private static OfficeEvent progress(String user, int round) {
    return EventFixtures.progress(
        user, "job-" + user, round + 1L, ProgressState.RUNNING, 50, Instant.now());
  }

  private static CompletableFuture<String> publish(
      EmulatorPubSub pubSub, String topic, OfficeEvent event) {
    PubsubMessage message =
        PubsubMessage.newBuilder().setData(ByteString.copyFrom(CODEC.encode(event))).build();
    return pubSub.publisher().publish(topic, message);
  }
}
