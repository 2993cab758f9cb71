package dev.officeflow.bench.streaming;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.subscriptions.SubscriptionStats;
import dev.officeflow.graphsim.web.CallStats;
import dev.officeflow.office.backfill.BackfillRequest;
import dev.officeflow.office.backfill.BackfillService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outlook through graph-sim with Graph's own Outlook limits: every change is made through
 * graph-sim's admin API over HTTP ({@code POST /admin/accounts/{email}/messages}, {@code PATCH
 * .../messages/{id}}), which announces it to the office's subscriptions; graph-sim posts the change
 * notification to the office's webhook, which runs a delta round of that folder and publishes what
 * changed. An update flags a message.
 */
final class MicrosoftChanges implements ChangeSource {

  static final String PROVIDER = "microsoft";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration LATENCY =
      Duration.ofMillis(Integer.getInteger("bench.microsoft.latency-ms", 0));

  /**
   * Resources of a user that are not yet streaming: no first delta round done, one running or asked
   * for, or no subscription. Only then do later rounds publish {@code real_time}.
   */
  private static final String NOT_STREAMING =
      """
      SELECT count(*) FROM microsoft_delta d
      WHERE d.user_id = ? AND (d.delta_link IS NULL OR d.sync_owner IS NOT NULL OR d.pending
        OR NOT EXISTS (SELECT 1 FROM microsoft_subscriptions s WHERE s.user_id = d.user_id
                       AND s.provider = d.provider AND s.resource = d.resource))
      """;

  private static final String RESOURCES = "SELECT count(*) FROM microsoft_delta WHERE user_id = ?";

  private final GraphSim sim;
  private final List<String> users;
  private final String officeJdbcUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private MicrosoftChanges(GraphSim sim, List<String> users, String officeJdbcUrl) {
    this.sim = sim;
    this.users = users;
    this.officeJdbcUrl = officeJdbcUrl;
  }

  /**
   * graph-sim with {@code count} small mailboxes; {@code officeJdbcUrl} is the office's database.
   */
  static MicrosoftChanges start(int count, String officeJdbcUrl) {
    List<String> users = new ArrayList<>();
    GraphSimConfig config =
        GraphSimConfig.defaults()
            .withPort(0)
            .withThreads(32)
            .withFaults(FaultSettings.none().withLatency(LATENCY));
    for (int i = 0; i < count; i++) {
      users.add("ms-stream-" + i + "@contoso.test");
      config =
          config.withAccount(
              AccountSpec.of(users.get(i)).withMailbox(400 + i, 30, 0, 5, 0).withContacts(5));
    }
    return new MicrosoftChanges(GraphSim.start(config), users, officeJdbcUrl);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<String> users() {
    return users;
  }

  @Override
  public List<String> officeArgs(int officePort) {
    return List.of(
        "--officeflow.office.streaming.microsoft.webhook-base-url=http://127.0.0.1:" + officePort,
        "--officeflow.office.microsoft.graph-url=" + sim.graphUrl(),
        "--officeflow.office.tokens.microsoft.sim-url=" + sim.baseUrl(),
        "--officeflow.office.tokens.microsoft.token-url=" + sim.oauthUrl() + "token");
  }

  /**
   * Backfills each user; the reconciler then registers each resource, subscribes and runs its first
   * delta round ({@code incremental_sync}). Waits until every resource of every user has a
   * subscription and a delta link, with no round running or pending.
   */
  @Override
  public void startStreaming(BackfillService service) throws InterruptedException {
    users.forEach(u -> service.start(BackfillRequest.defaults(u, PROVIDER)).block());
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!users.stream().allMatch(this::streams)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the mailboxes did not stream within 3 minutes");
      }
      Thread.sleep(100);
    }
  }

  private boolean streams(String user) {
    try (Connection db =
        DriverManager.getConnection(
            officeJdbcUrl,
            System.getenv("POSTGRES_USER"),
            System.getenv().getOrDefault("POSTGRES_PASSWORD", ""))) {
      return count(db, RESOURCES, user) > 0 && count(db, NOT_STREAMING, user) == 0;
    } catch (SQLException e) {
      // The office creates these tables as it starts; until then nothing streams.
      return false;
    }
  }

  private static long count(Connection db, String sql, String user) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, user);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public String addMessage(String user, String subject) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "fromName", "Rita Reyes",
                "fromEmail", "rita@partner.test",
                "subject", subject,
                "text", "text"));
    return JSON.readTree(admin("POST", messages(user), body)).get("id").asString();
  }

  /**
   * Graph's item times have whole seconds, and the office tells an update from a create by {@code
   * lastModifiedDateTime} differing from {@code createdDateTime}: a message changed within the
   * second it was created is read, rightly, as one create with its latest state.
   */
  @Override
  public Duration updateAfter() {
    return Duration.ofMillis(1100);
  }

  @Override
  public void update(String user, String messageId) {
    admin("PATCH", messages(user) + "/" + encode(messageId), "{\"flagged\":true}");
  }

  private String messages(String user) {
    return "admin/accounts/" + encode(user) + "/messages";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }

  private String admin(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + ": " + answer.statusCode() + " " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The contacts service keys a Microsoft message by the provider and its id (its {@code
   * ItemKeys}), earlier builds by the id alone: either row counts.
   */
  @Override
  public List<String> contactItemIds(String messageId) {
    return List.of(PROVIDER + ":" + messageId, messageId);
  }

  @Override
  public String stats() {
    CallStats.Snapshot calls = sim.admin().stats();
    SubscriptionStats subscriptions = sim.admin().subscriptionStats();
    return String.format(
        Locale.ROOT,
        "graph-sim: %d change notifications sent (%d failed, %d retried), %d Graph requests,"
            + " %d 429s (%d throttled), latency %d ms",
        subscriptions.notificationsSent(),
        subscriptions.notificationFailures(),
        subscriptions.notificationsRetried(),
        calls.requests(),
        calls.status(429),
        calls.totalThrottled(),
        LATENCY.toMillis());
  }

  @Override
  public void close() {
    sim.close();
  }
}
