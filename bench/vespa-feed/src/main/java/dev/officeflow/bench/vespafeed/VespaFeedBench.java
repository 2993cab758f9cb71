package dev.officeflow.bench.vespafeed;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.vespasim.SimStats;
import dev.officeflow.vespasim.VespaSim;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Feeds {@code EVENTS} (default 50,000) email events from {@code vespa-loader-emails} into
 * vespa-sim and prints the documents fed per second beside the raw emulator publish-to-consume rate
 * measured in the same run, on the same kind of subscription with the same streams and flow
 * control. Each run is preceded by a warm-up that is not counted.
 *
 * <p>Environment: {@code PUBSUB_EMULATOR_HOST}, {@code PUBSUB_PROJECT_ID}, {@code REDIS_URL} (from
 * {@code ./dev infra}'s env.sh), {@code EMULATOR_PID} (for its CPU time), {@code EVENTS}, {@code
 * WARMUP} (20,000), {@code SCHEMAS} ({@code infra/vespa/schemas}).
 */
public final class VespaFeedBench {

  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final double TARGET_DOCS_PER_SECOND = 3_000;

  private VespaFeedBench() {}

  public static void main(String[] args) throws Exception {
    int events = intEnv("EVENTS", 50_000);
    int warmup = intEnv("WARMUP", 20_000);
    Path schemas = Path.of(env("SCHEMAS", "infra/vespa/schemas"));
    SubscriptionSpec emails = Catalog.subscription(Catalog.VESPA_LOADER, Topics.EMAILS);
    String run = UUID.randomUUID().toString().substring(0, 6);
    String rawPrefix = "bench" + run + "raw-";
    String loaderPrefix = "bench" + run + "loader-";
    String emulatorPid = env("EMULATOR_PID", "");
    System.out.println("load average at start: " + CpuTime.loadAverage());

    try (BenchPubSub pubSub =
        new BenchPubSub(
            env("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085"),
            env("PUBSUB_PROJECT_ID", "officeflow-local"))) {
      pubSub.applyCatalog(rawPrefix);
      pubSub.applyCatalog(loaderPrefix);
      List<PubsubMessage> messages = EmailMessages.of(events, "m");

      RawConsumeRun raw =
          new RawConsumeRun(pubSub, rawPrefix + emails.topic(), rawPrefix + emails.name());
      raw.run(EmailMessages.of(warmup, "warm"), LIMIT);
      double[] rawCpu = cpu(emulatorPid);
      Rate rawRate = raw.run(messages, LIMIT);
      System.out.println("raw emulator publish->consume: " + rawRate.describe("messages"));
      printCpu(rawCpu, emulatorPid, events);

      try (VespaSim sim = VespaSim.start(0, schemas);
          LoaderFeedRun loader =
              new LoaderFeedRun(
                  pubSub,
                  loaderPrefix,
                  loaderPrefix + emails.topic(),
                  sim,
                  env("REDIS_URL", "redis://127.0.0.1:6379"),
                  loaderArgs())) {
        loader.warmUp(warmup, LIMIT);
        double[] feedCpu = cpu(emulatorPid);
        Rate feedRate = loader.run(messages, "m", LIMIT);
        SimStats stats = loader.stats();
        System.out.println("vespa-loader feed into vespa-sim: " + feedRate.describe("documents"));
        printCpu(feedCpu, emulatorPid, events);
        System.out.printf(
            "vespa-sim: %,d email documents, %,d puts (%,d rewrites by redelivered events), %,d"
                + " condition failures, %,d rejected%n",
            stats.documents().get("email"),
            stats.puts(),
            stats.puts() - stats.documents().get("email"),
            stats.conditionFailures(),
            stats.rejected());
        System.out.printf(
            "feed rate %,.0f documents/s (target >= %,.0f): %s; %.0f %% of the raw emulator rate%n",
            feedRate.perSecond(),
            TARGET_DOCS_PER_SECOND,
            feedRate.perSecond() >= TARGET_DOCS_PER_SECOND ? "met" : "NOT met",
            100 * feedRate.perSecond() / rawRate.perSecond());
      }
    }
    System.out.println("load average at end: " + CpuTime.loadAverage());
    System.exit(0);
  }

  /** CPU seconds so far of this process (client, vespa-loader, vespa-sim) and of the emulator. */
  private static double[] cpu(String emulatorPid) {
    return new double[] {CpuTime.seconds("self"), CpuTime.seconds(emulatorPid)};
  }

  private static void printCpu(double[] before, String emulatorPid, int count) {
    double[] after = cpu(emulatorPid);
    System.out.printf(
        "  CPU: this process %.1f s (%.3f ms per event), emulator %.1f s (%.3f ms per event)%n",
        after[0] - before[0],
        1000 * (after[0] - before[0]) / count,
        after[1] - before[1],
        1000 * (after[1] - before[1]) / count);
  }

  /** {@code LOADER_ARGS}: extra Spring arguments for vespa-loader, separated by spaces. */
  private static List<String> loaderArgs() {
    String args = env("LOADER_ARGS", "");
    return args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int intEnv(String name, int fallback) {
    return Integer.parseInt(env(name, Integer.toString(fallback)));
  }
}
