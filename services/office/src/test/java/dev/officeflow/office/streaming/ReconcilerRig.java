package dev.officeflow.office.streaming;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the reconciler tests share: google-sim, one catalog and one database, office instances on
 * them whose background work waits for the test (reconciler, Gmail and Calendar ticks every hour),
 * and the rows and counts the tests look at.
 */
final class ReconcilerRig implements AutoCloseable {

  static final Duration WITHIN = Duration.ofSeconds(30);

  /** A user's streaming target as stored. */
  record Target(int attempts, Instant nextAttemptAt, boolean started, boolean closed) {}

  final GoogleSim sim = TestSims.start(TestSims.fastQuota());
  private final String prefix = IsolatedCatalog.apply();
  private final TestDatabase db = Infrastructure.createDatabase("office");

  /** An office instance on the shared catalog and database; {@code extra} wins. */
  OfficeInstance office(Clock clock, Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>(OfficeProperties.of(prefix, db, sim));
    p.put("officeflow.office.streaming.reconciler.interval", "1h");
    p.put("officeflow.office.streaming.reconciler.initial-backoff", "1m");
    p.put("officeflow.office.streaming.gmail.tick-interval", "1h");
    p.put("officeflow.office.streaming.calendar.tick-interval", "1h");
    p.putAll(extra);
    return OfficeInstance.start(p, clock);
  }

  /** A new small account in google-sim. */
  String account(String name) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
    sim.admin().createAccount(TestSims.account(email, name.hashCode(), 5, 2, 6));
    return email;
  }

  /** Backfills {@code user} on {@code office} and waits until the job completed. */
  static void backfill(OfficeInstance office, String user) {
    String job = Jobs.start(office, user).path("job_id").asString();
    Jobs.await(office, job, "completed", WITHIN);
  }

  Optional<Target> target(OfficeInstance office, String user, String source) {
    return db(office)
        .sql(
            "SELECT attempts, next_attempt_at, started_job_id = job_id AS started,"
                + " closed_at IS NOT NULL AS closed FROM streaming_targets"
                + " WHERE user_id = :u AND source = :s")
        .bind("u", user)
        .bind("s", source)
        .map(
            row ->
                new Target(
                    row.get("attempts", Integer.class),
                    row.get("next_attempt_at", OffsetDateTime.class).toInstant(),
                    Boolean.TRUE.equals(row.get("started", Boolean.class)),
                    Boolean.TRUE.equals(row.get("closed", Boolean.class))))
        .one()
        .blockOptional();
  }

  /** When the user's Gmail watch expires, if the office keeps one. */
  Optional<Instant> watchExpiry(OfficeInstance office, String user) {
    return db(office)
        .sql("SELECT watch_expires_at FROM gmail_watches WHERE user_id = :u")
        .bind("u", user)
        .map(row -> row.get("watch_expires_at", OffsetDateTime.class).toInstant())
        .one()
        .blockOptional();
  }

  /** The user's opened channels that are not being replaced, with their expiry. */
  long openChannels(OfficeInstance office, String user, Instant after) {
    return db(office)
        .sql(
            "SELECT count(*) AS n FROM calendar_channels WHERE user_id = :u"
                + " AND resource_id IS NOT NULL AND stop_after IS NULL AND expires_at > :after")
        .bind("u", user)
        .bind("after", after.atOffset(java.time.ZoneOffset.UTC))
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  /** The gauge of users without a live stream of {@code source}, as the instance reports it. */
  static double withoutLive(OfficeInstance office, String source) {
    return office
        .bean(MeterRegistry.class)
        .get(StreamingReconciler.GAUGE)
        .tag("source", source)
        .gauge()
        .value();
  }

  long requests(String method) {
    return sim.stats().requests(method);
  }

  private static DatabaseClient db(OfficeInstance office) {
    return office.bean(DatabaseClient.class);
  }

  @Override
  public void close() {
    sim.close();
  }
}
