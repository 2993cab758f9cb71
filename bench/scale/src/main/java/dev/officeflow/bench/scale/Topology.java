package dev.officeflow.bench.scale;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.setuppubsub.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog on the bench's emulator, trimmed to what runs: setup-pubsub applies all of it (so the
 * bench follows the catalog as it changes), then the subscriptions of consumers the bench does not
 * start (vespa-loader's, the user service's) are deleted. The emulator keeps every message on its
 * heap, and 200 users' mail on a subscription nobody reads would only fill it; with no subscription
 * left on a topic ({@code contacts}) the emulator drops what is published there. The bench reads
 * {@code progress} on a subscription of its own.
 */
final class Topology {

  /** The consumers the bench runs: two office instances share one subscription per topic. */
  static final Set<String> RUNNING = Set.of(Catalog.OFFICE, Catalog.CONTACTS_SERVICE);

  static final String PROGRESS_TOPIC = "progress";
  static final String BENCH_PROGRESS = "bench-scale-progress";

  private Topology() {}

  /** Applies the catalog and trims it; returns the subscriptions it deleted. */
  static List<String> apply(PubSubRest pubsub) throws IOException, InterruptedException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {
      "--emulator",
      Env.required("PUBSUB_EMULATOR_HOST"),
      "--project",
      Env.required("PUBSUB_PROJECT_ID")
    };
    if (Main.run(args, Map.of(), out, out) != 0) {
      throw new IllegalStateException("setup-pubsub failed:\n" + output);
    }
    List<String> unread =
        Catalog.subscriptions().stream()
            .filter(s -> !RUNNING.contains(s.consumer()))
            .map(SubscriptionSpec::name)
            .toList();
    for (String name : unread) {
      pubsub.deleteSubscription(name);
    }
    return unread;
  }

  /**
   * The bench's own subscription on {@code progress}, when the catalog has that topic (the office
   * publishes each job's progress there); false when it has not.
   */
  static boolean subscribeToProgress(PubSubRest pubsub) throws IOException, InterruptedException {
    if (!pubsub.topicExists(PROGRESS_TOPIC)) {
      return false;
    }
    pubsub.createSubscription(BENCH_PROGRESS, PROGRESS_TOPIC);
    return true;
  }
}
