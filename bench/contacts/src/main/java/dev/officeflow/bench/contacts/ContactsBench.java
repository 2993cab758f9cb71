package dev.officeflow.bench.contacts;

import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two numbers for the contacts service (ARCHITECTURE §11):
 *
 * <ol>
 *   <li>sustained consumption of email events from {@code contacts-emails} (target ≥ 2,000/s): a
 *       backlog of {@code EVENTS} messages, rate = events / (last ack − first ack);
 *   <li>{@code GET /onboarding/vips} latency for a user with 5,000 contacts at 200 requests/s
 *       (target p99 < 50 ms): the service's exec jar in a process of its own on the database the
 *       first part filled, driven by {@code wrk} from another process ({@link VipLatency}).
 * </ol>
 *
 * <p>The first part runs the service in this JVM because it publishes through the service's own
 * publisher (the emulator's raw publisher client was seen to exhaust native threads here).
 */
public final class ContactsBench {

  private static final int EVENTS = Integer.getInteger("bench.events", 40_000);
  private static final int VIP_CONTACTS = 5_000;
  private static final int USERS = 10;

  private ContactsBench() {}

  public static void main(String[] args) throws Exception {
    String database;
    try (ContactsApp app =
        ContactsApp.start(
            "bench_contacts",
            Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off"))) {
      database = app.database().column("SELECT current_database()").get(0);
      List<EmailEvent> events = events();
      long start = System.nanoTime();
      // Published through the service's own publisher while it consumes: the emulator's raw
      // publisher client was seen to exhaust native threads on this machine.
      for (int i = 0; i < events.size(); i += 5_000) {
        app.publish(events.subList(i, Math.min(events.size(), i + 5_000)));
      }
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      consumption(app, events.size(), publishSeconds, start);
    }
    System.gc(); // this JVM idles while the latency is measured: leave the CPU to the service
    // Subscriptions of their own: on the first part's, the service would get the events whose
    // acks were still in flight when that app closed, redelivered in the middle of the
    // measurement (seen as a 5-8 s stall).
    int exit =
        VipLatency.fromProperties(database, IsolatedCatalog.apply()).run("u-bench-0", VIP_CONTACTS);
    System.exit(exit);
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
        events,
        publishSeconds,
        seconds,
        events / seconds,
        (last - start) / 1e9,
        events / ((last - start) / 1e9),
        interactions,
        contacts);
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
      out.add(
          vip.email("v-out-" + i, vip.account(), List.of(other), List.of(), when.plusSeconds(600)));
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
}
