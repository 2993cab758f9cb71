package dev.officeflow.office.providers.microsoft.streaming;

import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.office.OfficeApplication;
import dev.officeflow.office.providers.microsoft.MicrosoftOffice;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * graph-sim, an office instance whose webhook graph-sim can reach (tokens from graph-sim: {@link
 * SimGraphTokens}), and what the office published: the setup every Microsoft streaming test shares.
 * A user streams once a completed Microsoft backfill is in {@code backfill_jobs} and the reconciler
 * ran; the row is written directly, so these tests do not depend on the backfill.
 */
final class MicrosoftStreamingRig implements AutoCloseable {

  static final Duration WITHIN = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventCodec CODEC = new EventCodec();

  final GraphSim sim;
  final ServiceUnderTest office;
  final PublishedEvents published;
  private final EmulatorPubSub pubsub = new EmulatorPubSub();
  private final EmulatorPubSub.Collector contacts;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private MicrosoftStreamingRig(
      GraphSim sim, ServiceUnderTest office, PublishedEvents published, String prefix, int port) {
    this.contacts = pubsub.collect(prefix + "vespa-loader-contacts");
    this.sim = sim;
    this.office = office;
    this.published = published;
    this.port = port;
  }

  /** Small mailboxes: a first delta round reads a few pages. */
  static MicrosoftStreamingRig start(String... accounts) {
    return start(Map.of(), accounts);
  }

  /** As {@link #start(String...)}, with {@code settings} over the office's properties. */
  static MicrosoftStreamingRig start(Map<String, Object> settings, String... accounts) {
    GraphSimConfig config = GraphSimConfig.defaults().withPort(0);
    for (int i = 0; i < accounts.length; i++) {
      config =
          config.withAccount(
              AccountSpec.of(accounts[i]).withMailbox(200 + i, 5, 2, 4, 1).withContacts(3));
    }
    GraphSim sim = GraphSim.start(config);
    String prefix = IsolatedCatalog.apply();
    int port = MicrosoftOffice.freePort();
    Map<String, Object> p = MicrosoftOffice.withWebhooks(prefix, sim, port);
    p.put("officeflow.office.streaming.calendar.tick-interval", "1h");
    p.put("officeflow.office.streaming.reconciler.interval", "1h");
    p.putAll(settings);
    ServiceUnderTest office = ServiceUnderTest.of(OfficeApplication.class).properties(p).start();
    return new MicrosoftStreamingRig(sim, office, new PublishedEvents(prefix), prefix, port);
  }

  /**
   * Records a completed Microsoft backfill of {@code user}, runs the reconciler, and waits until
   * every resource has its subscription and its first delta round is done.
   */
  void streaming(String user) {
    db().sql(
            "INSERT INTO backfill_jobs (id, user_id, provider, status, email_after, calendar_from,"
                + " calendar_to, max_emails, max_events, phase, finished_at) VALUES (:id, :user,"
                + " 'microsoft', 'completed', now() - interval '30 days', now() - interval '30"
                + " days', now() + interval '2 days', 2000, 2000, 'done', now())")
        .bind("id", UUID.randomUUID())
        .bind("user", user)
        .then()
        .block();
    office.bean(StreamingReconciler.class).tick().block(WITHIN);
    try {
      await("resources of " + user + " to stream")
          .atMost(WITHIN)
          .until(() -> subscriptions(user).size() == GraphResource.values().length && idle(user));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(user + " does not stream: " + state(user), e);
    }
  }

  /** The user's streaming target and resources, for a failure message. */
  String state(String user) {
    List<String> rows =
        db().sql(
                "SELECT 'target ' || attempts || ' ' || coalesce(last_error, '-') AS s"
                    + " FROM streaming_targets WHERE user_id = :u UNION ALL"
                    + " SELECT 'resource ' || resource || ' link=' || (delta_link IS NOT NULL)"
                    + " || ' pending=' || pending || ' owner=' || coalesce(sync_owner, '-')"
                    + " || ' refused=' || (refused_at IS NOT NULL) FROM microsoft_delta"
                    + " WHERE user_id = :u")
            .bind("u", user)
            .map(row -> row.get("s", String.class))
            .all()
            .collectList()
            .block();
    return rows + " subscriptions=" + subscriptions(user).values();
  }

  /** Every resource has its delta link, and no round is running or pending. */
  boolean idle(String user) {
    return count(
            "SELECT count(*) AS n FROM microsoft_delta WHERE user_id = :u"
                + " AND (delta_link IS NULL OR sync_owner IS NOT NULL OR pending)",
            user)
        == 0;
  }

  /** The user's stored subscriptions: id → resource. */
  Map<String, String> subscriptions(String user) {
    Map<String, String> out = new HashMap<>();
    db().sql("SELECT subscription_id, resource FROM microsoft_subscriptions WHERE user_id = :u")
        .bind("u", user)
        .map(
            row ->
                Map.entry(
                    row.get("subscription_id", String.class), row.get("resource", String.class)))
        .all()
        .doOnNext(e -> out.put(e.getKey(), e.getValue()))
        .blockLast();
    return out;
  }

  String subscriptionOf(String user, GraphResource resource) {
    return subscriptions(user).entrySet().stream()
        .filter(e -> e.getValue().equals(resource.wire()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  Instant expiry(String subscriptionId) {
    return db().sql("SELECT expires_at FROM microsoft_subscriptions WHERE subscription_id = :id")
        .bind("id", subscriptionId)
        .map(row -> row.get("expires_at", java.time.OffsetDateTime.class).toInstant())
        .one()
        .block();
  }

  void expireAt(String subscriptionId, Instant at) {
    db().sql("UPDATE microsoft_subscriptions SET expires_at = :at WHERE subscription_id = :id")
        .bind("id", subscriptionId)
        .bind("at", at.atOffset(java.time.ZoneOffset.UTC))
        .then()
        .block();
  }

  /** Makes the user's last delta rounds look {@code age} old. */
  void syncedAgo(String user, Duration age) {
    db().sql(
            "UPDATE microsoft_delta SET last_synced_at = now() - :ms * interval '1 millisecond'"
                + " WHERE user_id = :u")
        .bind("ms", age.toMillis())
        .bind("u", user)
        .then()
        .block();
  }

  /** The end of the window the user's calendar view delta is bound to. */
  Instant windowEnd(String user) {
    return db().sql(
            "SELECT window_end FROM microsoft_delta WHERE user_id = :u AND resource = 'events'")
        .bind("u", user)
        .map(row -> row.get("window_end", java.time.OffsetDateTime.class).toInstant())
        .one()
        .block();
  }

  /** Resources of the user whose last delta round is older than {@code age}. */
  long syncedBefore(String user, Duration age) {
    return db().sql(
            "SELECT count(*) AS n FROM microsoft_delta WHERE user_id = :u"
                + " AND last_synced_at < now() - :ms * interval '1 millisecond'")
        .bind("u", user)
        .bind("ms", age.toMillis())
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }

  /** Adds a message to the user's inbox through graph-sim's admin API; its id. */
  String addMessage(String user, String subject) {
    String body =
        "{\"fromName\":\"Bo Lind\",\"fromEmail\":\"bo@fabrikam.test\",\"subject\":\""
            + subject
            + "\"}";
    return admin("POST", "admin/accounts/" + user + "/messages", body).get("id").asString();
  }

  JsonNode admin(String method, String path, String body) {
    HttpResponse<String> r = send(method, sim.baseUrl() + path, body);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Graph's validation handshake against the office's webhook ({@code path}): the answer. */
  HttpResponse<String> handshake(String path, String token) {
    String encoded = java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    return send(
        "POST",
        "http://127.0.0.1:" + port + path + "?validationToken=" + encoded.replace("+", "%20"),
        "");
  }

  /** Posts a notification body to the office's webhook ({@code path}); answers the status. */
  int notify(String path, String body) {
    return post(path, body).statusCode();
  }

  /** Posts {@code body} to the office's webhook ({@code path}); the whole answer. */
  HttpResponse<String> post(String path, String body) {
    return send("POST", "http://127.0.0.1:" + port + path, body);
  }

  private HttpResponse<String> send(String method, String url, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Graph requests graph-sim answered for {@code user}'s mailbox. */
  long graphRequests(String user) {
    String id = sim.admin().account(user).id();
    return sim.admin().stats().byAccount().getOrDefault(id, 0L);
  }

  double counter(String name) {
    return office
        .bean(MeterRegistry.class)
        .counter("officeflow.streaming." + name, "source", MicrosoftStreamSource.NAME)
        .count();
  }

  /** The first email event matching {@code which}, once published. */
  EmailEvent awaitEmail(Predicate<EmailEvent> which) {
    return await("an email event")
        .atMost(WITHIN)
        .until(() -> published.emails(which).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  List<EmailEvent> emails(Predicate<EmailEvent> which) {
    return published.emails(which);
  }

  /** The first calendar event matching {@code which}, once published. */
  CalendarEvent awaitCalendar(Predicate<CalendarEvent> which) {
    return await("a calendar event")
        .atMost(WITHIN)
        .until(() -> published.calendars(which).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** The first contact event matching {@code which}, once published. */
  ContactEvent awaitContact(Predicate<ContactEvent> which) {
    return await("a contact event")
        .atMost(WITHIN)
        .until(
            () ->
                contacts.messages().stream()
                    .map(
                        m ->
                            (ContactEvent)
                                CODEC.decode(m.getData().toByteArray(), EventType.CONTACT))
                    .filter(which)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private long count(String sql, String user) {
    return db().sql(sql).bind("u", user).map(row -> row.get("n", Long.class)).one().block();
  }

  private DatabaseClient db() {
    return office.bean(DatabaseClient.class);
  }

  @Override
  public void close() throws Exception {
    office.close();
    published.close();
    contacts.close();
    pubsub.close();
    sim.close();
  }
}
