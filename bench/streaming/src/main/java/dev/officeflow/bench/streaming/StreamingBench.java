package dev.officeflow.bench.streaming;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.setuppubsub.Main;
import dev.officeflow.vespasim.StoredDocument;
import dev.officeflow.vespasim.VespaSim;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Freshness of streaming, per provider: the time from a change in the provider's simulator (a
 * message added, or changed) to its {@code real_time} {@code EmailEvent} arriving on a subscription
 * of the {@code emails} topic, through the real path. Google: google-sim's push notification on the
 * emulator, the office service's consumer, {@code history.list}, {@code messages.get}, the
 * publisher; Google's default per-user quota is enforced. Microsoft: a change through graph-sim's
 * admin API, graph-sim's change notification to the office's webhook, a delta round of the folder,
 * the publisher; Graph's Outlook limits are enforced. New messages are also timed to their document
 * in vespa-sim, written by vespa-loader, and to the contact stats of the contacts service (both
 * running in this JVM on their own catalog subscriptions; the benchmark reads the events from a
 * third). Changes are spread over several users at a steady rate; the first ones warm the path up
 * and are not counted. Prints p50, p90, p95, p99 and max over the counted changes of each provider.
 * {@code bench.scenarios} chooses {@code google}, {@code microsoft} or both (the default), run one
 * after the other in the same services.
 */
public final class StreamingBench {

  private static final String PREFIX = "bench-streaming-";
  private static final int CHANGES = Integer.getInteger("bench.changes", 500);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
  private static final int USERS = Integer.getInteger("bench.users", 5);
  private static final int RATE = Integer.getInteger("bench.rate", 20);
  private static final Path ROOT = Path.of(System.getProperty("bench.root", "../.."));
  private static final EventCodec CODEC = new EventCodec();

  private static final Map<String, Change> CHANGES_BY_KEY = new ConcurrentHashMap<>();

  /** New messages whose document vespa-sim does not show yet, by {@code user:provider_id}. */
  private static final Map<String, Change> NOT_INDEXED = new ConcurrentHashMap<>();

  private StreamingBench() {}

  public static void main(String[] args) throws Exception {
    InJvmServices services = new InJvmServices(ROOT, PREFIX, StreamingBench::env);
    List<ChangeSource> sources = sources(services);
    List<String> users = sources.stream().flatMap(s -> s.users().stream()).toList();
    try (VespaSim vespa = VespaSim.start(0, ROOT.resolve("infra/vespa/schemas"))) {
      applyCatalog();
      Subscriber subscriber = subscribe(PREFIX + "bench-emails");
      Thread watcher = watch(vespa, users);
      int port = InJvmServices.freePort();
      List<String> officeArgs = sources.stream().flatMap(s -> s.officeArgs(port).stream()).toList();
      try (ConfigurableApplicationContext loader = services.vespaLoader(vespa);
          ConfigurableApplicationContext contacts = services.contacts();
          ContactStatsWatcher stats = watchContactStats(services);
          ConfigurableApplicationContext office = services.office(port, officeArgs)) {
        BackfillService backfills = office.getBean(BackfillService.class);
        List<String> verdicts = new ArrayList<>();
        for (ChangeSource source : sources) {
          source.startStreaming(backfills);
          List<Change> warmup = run(source, WARMUP, stats);
          await(warmup);
          List<Change> measured = run(source, CHANGES, stats);
          await(measured);
          verdicts.add(FreshnessReport.print(source, measured, RATE, WARMUP));
        }
        System.out.println();
        verdicts.forEach(System.out::println);
      } finally {
        watcher.interrupt();
        subscriber.stopAsync().awaitTerminated(10, TimeUnit.SECONDS);
      }
    } finally {
      sources.forEach(ChangeSource::close);
    }
  }

  /** {@code bench.scenarios}: {@code google}, {@code microsoft} or both (the default), started. */
  private static List<ChangeSource> sources(InJvmServices services) {
    List<ChangeSource> sources = new ArrayList<>();
    for (String s : System.getProperty("bench.scenarios", "google,microsoft").split(",")) {
      String name = s.strip().toLowerCase(Locale.ROOT);
      if (name.equals("google")) {
        sources.add(
            GoogleChanges.start(USERS, env("PUBSUB_EMULATOR_HOST"), env("PUBSUB_PROJECT_ID")));
      } else if (name.equals(MicrosoftChanges.PROVIDER)) {
        sources.add(MicrosoftChanges.start(USERS, services.officeJdbcUrl()));
      } else {
        sources.forEach(ChangeSource::close);
        throw new IllegalArgumentException(
            "bench.scenarios (BENCH_SCENARIOS) names google and/or microsoft, not: " + s);
      }
    }
    return sources;
  }

  /**
   * {@code count} changes at {@code RATE} per second over the source's users: every 5th changes a
   * message whose create has already arrived, and that is at least the source's {@link
   * ChangeSource#updateAfter()} old (an earlier one would be read together with its creation and
   * rightly yield one create with the latest state, not an update), the rest add a message.
   */
  private static List<Change> run(ChangeSource source, int count, ContactStatsWatcher stats)
      throws InterruptedException {
    List<String> users = source.users();
    List<Change> changes = new ArrayList<>();
    List<List<Map.Entry<String, Change>>> added = new ArrayList<>();
    users.forEach(u -> added.add(new ArrayList<>()));
    long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      boolean update = i % 5 == 4;
      int u = update ? (i / 5) % users.size() : i % users.size();
      String user = users.get(u);
      List<Map.Entry<String, Change>> mine = added.get(u);
      long now = System.nanoTime();
      long before = now - source.updateAfter().toNanos();
      Map.Entry<String, Change> seen =
          mine.stream()
              .filter(e -> e.getValue().arrivedAt != 0 && e.getValue().madeAt <= before)
              .findFirst()
              .orElse(null);
      Change change = new Change(now);
      if (update && seen != null) {
        mine.remove(seen);
        CHANGES_BY_KEY.put(user + ":update:" + seen.getKey(), change);
        source.update(user, seen.getKey());
      } else {
        // The key is known only once the simulator answers; an event that arrives earlier is
        // recorded by the subscriber and picked up here.
        String id = source.addMessage(user, "change " + UUID.randomUUID());
        Change early = CHANGES_BY_KEY.putIfAbsent(user + ":create:" + id, change);
        if (early != null) {
          change.arrivedAt = early.arrivedAt;
        }
        change.create = true;
        NOT_INDEXED.put(user + ":" + source.provider() + "_" + id, change);
        stats.expect(user, source.contactItemIds(id), change);
        mine.add(Map.entry(id, change));
      }
      changes.add(change);
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
    return changes;
  }

  private static void await(List<Change> changes) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (changes.stream()
        .anyMatch(c -> c.arrivedAt == 0 || (c.create && (c.indexedAt == 0 || c.countedAt == 0)))) {
      if (System.nanoTime() > deadline) {
        long missing = changes.stream().filter(c -> c.arrivedAt == 0).count();
        long updates = changes.stream().filter(c -> c.arrivedAt == 0 && !c.create).count();
        long unindexed = changes.stream().filter(c -> c.create && c.indexedAt == 0).count();
        long uncounted = changes.stream().filter(c -> c.create && c.countedAt == 0).count();
        throw new IllegalStateException(
            missing
                + " changes never arrived as events ("
                + updates
                + " of them updates), "
                + unindexed
                + " never in vespa-sim, "
                + uncounted
                + " never in the contact stats");
      }
      Thread.sleep(50);
    }
  }

  /** Notes when each new message's document shows up in vespa-sim (scanned every 5 ms). */
  private static Thread watch(VespaSim vespa, List<String> users) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                for (String user : users) {
                  for (StoredDocument d : vespa.documents("email", user)) {
                    // The document id ends in provider_itemId (base64url or hex: no colon).
                    String id = d.id().substring(d.id().lastIndexOf(':') + 1);
                    Change c = NOT_INDEXED.remove(user + ":" + id);
                    if (c != null) {
                      c.indexedAt = System.nanoTime();
                    }
                  }
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "vespa-watcher");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * The benchmark's own subscription on {@code emails}, beside the consumers' catalog ones, so that
   * reading the events takes none from the contacts service or vespa-loader.
   */
  private static Subscriber subscribe(String subscription) throws IOException {
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(env("PUBSUB_EMULATOR_HOST")).usePlaintext().build();
    TransportChannelProvider channels =
        FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    SubscriptionAdminSettings admin =
        SubscriptionAdminSettings.newBuilder()
            .setTransportChannelProvider(channels)
            .setCredentialsProvider(NoCredentialsProvider.create())
            .build();
    try (SubscriptionAdminClient client = SubscriptionAdminClient.create(admin)) {
      client.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.format(env("PUBSUB_PROJECT_ID"), subscription))
              .setTopic(TopicName.format(env("PUBSUB_PROJECT_ID"), PREFIX + Topics.EMAILS))
              .setAckDeadlineSeconds(30)
              .build());
    }
    Subscriber subscriber =
        Subscriber.newBuilder(
                ProjectSubscriptionName.of(env("PUBSUB_PROJECT_ID"), subscription),
                (MessageReceiver)
                    (message, reply) -> {
                      long now = System.nanoTime();
                      reply.ack();
                      EmailEvent e =
                          (EmailEvent)
                              CODEC.decode(message.getData().toByteArray(), EventType.EMAIL);
                      if (e.syncType() == SyncType.REAL_TIME && e.email() != null) {
                        String key =
                            e.userId()
                                + ":"
                                + e.operation().wire()
                                + ":"
                                + e.email().providerMessageId();
                        // A create can arrive before addMessage returned: keep the first arrival.
                        Change change =
                            CHANGES_BY_KEY.computeIfAbsent(key, k -> Change.arrived(now));
                        if (change.arrivedAt == 0) {
                          change.arrivedAt = now;
                        }
                      }
                    })
            .setChannelProvider(channels)
            .setCredentialsProvider(NoCredentialsProvider.create())
            .setParallelPullCount(2)
            .build();
    subscriber.startAsync().awaitRunning();
    return subscriber;
  }

  private static void applyCatalog() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {
      "--emulator",
      env("PUBSUB_EMULATOR_HOST"),
      "--project",
      env("PUBSUB_PROJECT_ID"),
      "--prefix",
      PREFIX
    };
    if (Main.run(args, Map.of(), out, out) != 0) {
      throw new IllegalStateException("setup-pubsub failed:\n" + output);
    }
  }

  private static ContactStatsWatcher watchContactStats(InJvmServices services) throws SQLException {
    return ContactStatsWatcher.start(
        services.contactsJdbcUrl(),
        env("POSTGRES_USER"),
        System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set: source the bench infrastructure's env.sh");
    }
    return value;
  }
}
