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
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.MessageRef;
import dev.officeflow.googlesim.admin.NewMessage;
import dev.officeflow.googlesim.push.PubsubTarget;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.backfill.BackfillRequest;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.setuppubsub.Main;
import dev.officeflow.simkit.mailbox.MailboxSpec;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Freshness of Gmail streaming: the time from a change in google-sim (a message added, or a label
 * changed) to its {@code real_time} {@code EmailEvent} arriving on a subscription of the {@code
 * emails} topic, through the real path: google-sim's push notification on the emulator, the office
 * service's consumer, {@code history.list}, {@code messages.get}, the publisher. Google's default
 * per-user quota is enforced. New messages are also timed to their document in vespa-sim, written
 * by vespa-loader, and to the contact stats of the contacts service (both running in this JVM on
 * their own catalog subscriptions; the benchmark reads the events from a third). Changes are spread
 * over several users at a steady rate; the first ones warm the path up and are not counted. Prints
 * p50, p90, p99 and max over the counted changes.
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

  /** New messages whose document vespa-sim does not show yet, by {@code user:messageId}. */
  private static final Map<String, Change> NOT_INDEXED = new ConcurrentHashMap<>();

  private StreamingBench() {}

  public static void main(String[] args) throws Exception {
    List<String> users = new ArrayList<>();
    GoogleSimConfig config =
        GoogleSimConfig.defaults()
            .withPort(0)
            .withThreads(32)
            .withQuota(QuotaSettings.defaults())
            .withPubsub(new PubsubTarget(env("PUBSUB_EMULATOR_HOST"), env("PUBSUB_PROJECT_ID")));
    for (int i = 0; i < USERS; i++) {
      users.add("stream-" + i + "@acme.test");
      config =
          config.withAccount(
              AccountSpec.of(users.get(i)).withMailbox(new MailboxSpec(200 + i, 30, 0, 5, 0)));
    }
    try (GoogleSim sim = GoogleSim.start(config);
        VespaSim vespa = VespaSim.start(0, ROOT.resolve("infra/vespa/schemas"))) {
      applyCatalog();
      Subscriber subscriber = subscribe(PREFIX + "bench-emails");
      Thread watcher = watch(vespa, users);
      InJvmServices services = new InJvmServices(ROOT, PREFIX, StreamingBench::env);
      try (ConfigurableApplicationContext loader = services.vespaLoader(vespa);
          ConfigurableApplicationContext contacts = services.contacts();
          ContactStatsWatcher stats = watchContactStats(services);
          ConfigurableApplicationContext office = services.office(sim)) {
        startStreaming(office.getBean(BackfillService.class), sim, users);
        List<Change> warmup = run(sim, users, WARMUP, stats);
        await(warmup);
        List<Change> measured = run(sim, users, CHANGES, stats);
        await(measured);
        print(measured, sim);
      } finally {
        watcher.interrupt();
        subscriber.stopAsync().awaitTerminated(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Backfills each user (streaming starts after it) and waits until every mailbox is watched. */
  private static void startStreaming(BackfillService service, GoogleSim sim, List<String> users)
      throws InterruptedException {
    long watchesBefore = sim.stats().requests("gmail.users.watch");
    users.forEach(u -> service.start(BackfillRequest.defaults(u, "google")).block());
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (sim.stats().requests("gmail.users.watch") - watchesBefore < users.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the mailboxes were not watched within 3 minutes");
      }
      Thread.sleep(100);
    }
  }

  /**
   * {@code count} changes at {@code RATE} per second over the users: every 5th stars a message
   * whose create has already arrived (an earlier one would be read together with its creation and
   * rightly yield one create with the latest labels, not an update), the rest add a message.
   */
  private static List<Change> run(
      GoogleSim sim, List<String> users, int count, ContactStatsWatcher stats)
      throws InterruptedException {
    List<Change> changes = new ArrayList<>();
    List<List<Map.Entry<String, Change>>> added = new ArrayList<>();
    users.forEach(u -> added.add(new ArrayList<>()));
    long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      boolean relabel = i % 5 == 4;
      int u = relabel ? (i / 5) % users.size() : i % users.size();
      String user = users.get(u);
      List<Map.Entry<String, Change>> mine = added.get(u);
      Map.Entry<String, Change> seen =
          mine.stream().filter(e -> e.getValue().arrivedAt != 0).findFirst().orElse(null);
      Change change = new Change(System.nanoTime());
      if (relabel && seen != null) {
        mine.remove(seen);
        CHANGES_BY_KEY.put(user + ":update:" + seen.getKey(), change);
        sim.admin().modifyLabels(user, seen.getKey(), List.of("STARRED"), List.of());
      } else {
        String subject = "change " + UUID.randomUUID();
        // The key is known only once google-sim answers; an event that arrives earlier is
        // recorded by the subscriber and picked up here.
        MessageRef ref =
            sim.admin()
                .addMessage(
                    user, NewMessage.from("Rita Reyes", "rita@partner.test", subject, "text"));
        Change early = CHANGES_BY_KEY.putIfAbsent(user + ":create:" + ref.id(), change);
        if (early != null) {
          change.arrivedAt = early.arrivedAt;
        }
        change.create = true;
        NOT_INDEXED.put(user + ":" + ref.id(), change);
        stats.expect(user, ref.id(), change);
        mine.add(Map.entry(ref.id(), change));
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
        long unindexed = changes.stream().filter(c -> c.create && c.indexedAt == 0).count();
        long uncounted = changes.stream().filter(c -> c.create && c.countedAt == 0).count();
        throw new IllegalStateException(
            missing
                + " changes never arrived as events, "
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
                    String id = d.id().substring(d.id().lastIndexOf(":google_") + 8);
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

  private static void print(List<Change> changes, GoogleSim sim) {
    double[] ms = millis(changes, c -> c.arrivedAt);
    List<Change> creates = changes.stream().filter(c -> c.create).toList();
    double[] vespa = millis(creates, c -> c.indexedAt);
    double[] stats = millis(creates, c -> c.countedAt);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "changes: %d over %d users at %d/s (every 5th a label change), after %d warm-up changes%n",
        ms.length,
        USERS,
        RATE,
        WARMUP);
    System.out.printf(
        Locale.ROOT,
        "freshness google-sim change -> EmailEvent on emails: %s  mean %.0f ms%n",
        percentiles(ms),
        Arrays.stream(ms).average().orElse(0));
    System.out.printf(
        Locale.ROOT,
        "google-sim: %d notifications, %d history.list calls, %d quota errors%n",
        sim.stats().gmailNotifications(),
        sim.stats().requests("gmail.users.history.list"),
        sim.stats().totalQuotaErrors());
    System.out.printf(
        Locale.ROOT,
        "freshness google-sim new message -> document in vespa-sim (%d, via vespa-loader): %s%n",
        vespa.length,
        percentiles(vespa));
    System.out.printf(
        Locale.ROOT,
        "freshness google-sim new message -> contact stats (%d, via contacts): %s%n",
        stats.length,
        percentiles(stats));
    boolean met = meets(ms) && meets(vespa) && meets(stats);
    System.out.println("target (p50 < 0.5 s, p99 < 2 s): " + (met ? "met" : "NOT met"));
  }

  /** Milliseconds from each change to {@code seenAt}, sorted. */
  private static double[] millis(List<Change> changes, ToLongFunction<Change> seenAt) {
    return changes.stream()
        .mapToDouble(c -> Math.max(0, seenAt.applyAsLong(c) - c.madeAt) / 1e6)
        .sorted()
        .toArray();
  }

  private static String percentiles(double[] sorted) {
    return String.format(
        Locale.ROOT,
        "p50 %.0f ms  p90 %.0f ms  p99 %.0f ms  max %.0f ms",
        pct(sorted, 50),
        pct(sorted, 90),
        pct(sorted, 99),
        sorted[sorted.length - 1]);
  }

  private static boolean meets(double[] sorted) {
    return pct(sorted, 50) < 500 && pct(sorted, 99) < 2000;
  }

  private static double pct(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
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
