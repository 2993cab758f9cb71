package dev.officeflow.office.providers.google.calendar;

import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * google-sim, an office instance whose webhook google-sim can reach, and what the office published:
 * the setup every Calendar streaming test shares. Accounts are small (a backfill takes a second).
 */
final class StreamingRig implements AutoCloseable {

  static final Duration WITHIN = Duration.ofSeconds(30);

  /** A stored channel as the tests see it. */
  record ChannelRow(String id, boolean retiring, boolean opened) {}

  final GoogleSim sim;
  final OfficeInstance office;
  final PublishedEvents published;
  private final HttpClient http = HttpClient.newHttpClient();

  private StreamingRig(GoogleSim sim, OfficeInstance office, PublishedEvents published) {
    this.sim = sim;
    this.office = office;
    this.published = published;
  }

  /**
   * Ticks only when a test says so (a completed backfill still wakes the reconciler); {@code clock}
   * is the office's clock.
   */
  static StreamingRig start(Clock clock, String... accounts) {
    AccountSpec[] specs = new AccountSpec[accounts.length];
    for (int i = 0; i < accounts.length; i++) {
      specs[i] = TestSims.account(accounts[i], 100 + i, 5, 1, 6);
    }
    return start(clock, Map.of(), specs);
  }

  /** As {@link #start(Clock, String...)}, with these accounts and extra office properties. */
  static StreamingRig start(Clock clock, Map<String, Object> properties, AccountSpec... specs) {
    GoogleSim sim = TestSims.start(TestSims.fastQuota(), specs);
    String prefix = IsolatedCatalog.apply();
    int port = freePort();
    Map<String, Object> p =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    p.putAll(properties);
    p.put("server.port", port);
    p.put("officeflow.office.streaming.calendar.webhook-base-url", "http://127.0.0.1:" + port);
    p.put("officeflow.office.streaming.calendar.tick-interval", "1h");
    p.put("officeflow.office.streaming.reconciler.interval", "1h");
    PublishedEvents published = new PublishedEvents(prefix);
    return new StreamingRig(sim, OfficeInstance.start(p, clock), published);
  }

  /**
   * Backfills {@code user} and waits until its calendars stream: a channel open and a token kept
   * for each; answers the job's id.
   */
  String streaming(String user) {
    String job = Jobs.start(office, user).path("job_id").asString();
    Jobs.await(office, job, "completed", WITHIN);
    await("calendars of " + user + " to stream")
        .atMost(WITHIN)
        .until(() -> idle(user) && openedCalendars(user) == calendarRows(user));
    // The round that opened the channels may still be finishing; a tick queues behind it.
    office.bean(StreamingReconciler.class).tick().block(WITHIN);
    return job;
  }

  /** Every streamed calendar has its sync token stored, and no listing holds one. */
  boolean idle(String user) {
    return db().sql(
                    "SELECT count(*) AS n FROM calendar_sync WHERE user_id = :u"
                        + " AND (sync_token IS NULL OR sync_owner IS NOT NULL OR pending)")
                .bind("u", user)
                .map(row -> row.get("n", Long.class))
                .one()
                .block()
            == 0L
        && calendarRows(user) > 0;
  }

  /** The calendars of {@code user} with a channel Google opened, by calendar id. */
  List<String> channelCalendars(String user) {
    return db().sql(
            "SELECT DISTINCT calendar_id FROM calendar_channels WHERE user_id = :u"
                + " AND resource_id IS NOT NULL ORDER BY calendar_id")
        .bind("u", user)
        .map(row -> row.get("calendar_id", String.class))
        .all()
        .collectList()
        .block();
  }

  private long openedCalendars(String user) {
    return channelCalendars(user).size();
  }

  List<ChannelRow> channels(String user) {
    return db().sql(
            "SELECT channel_id, stop_after IS NOT NULL AS retiring, resource_id IS NOT NULL AS"
                + " opened FROM calendar_channels WHERE user_id = :u ORDER BY created_at")
        .bind("u", user)
        .map(
            row ->
                new ChannelRow(
                    row.get("channel_id", String.class),
                    Boolean.TRUE.equals(row.get("retiring", Boolean.class)),
                    Boolean.TRUE.equals(row.get("opened", Boolean.class))))
        .all()
        .collectList()
        .block();
  }

  /** Drops the user's channels from the office's records (Google keeps posting to them). */
  void forgetChannels(String user) {
    db().sql("DELETE FROM calendar_channels WHERE user_id = :u").bind("u", user).then().block();
  }

  long calendarRows(String user) {
    return db().sql("SELECT count(*) AS n FROM calendar_sync WHERE user_id = :u")
        .bind("u", user)
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  /** Posts a notification as Google would; answers the status. */
  int notify(String channelId, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + office.port() + "/webhooks/google/calendar"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header("X-Goog-Channel-ID", channelId)
            .header("X-Goog-Channel-Token", token)
            .header("X-Goog-Resource-State", "exists")
            .header("X-Goog-Message-Number", "2")
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The calendar requests google-sim charged {@code user}. */
  long calendarRequests(String user) {
    return sim.stats().calendarRequests().getOrDefault(user, 0L);
  }

  double counter(String name) {
    return office
        .bean(MeterRegistry.class)
        .counter("officeflow.streaming." + name, "source", "calendar")
        .count();
  }

  /** The first event about {@code eventId} with {@code operation}, once published. */
  CalendarEvent awaitEvent(String eventId, Operation operation) {
    return await(operation.wire() + " of " + eventId)
        .atMost(WITHIN)
        .until(() -> first(eventId, operation), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<CalendarEvent> first(String eventId, Operation operation) {
    return published
        .calendars(e -> e.operation() == operation && eventId.equals(e.providerItemId()))
        .stream()
        .findFirst();
  }

  private DatabaseClient db() {
    return office.bean(DatabaseClient.class);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    office.close();
    published.close();
    sim.close();
  }
}
