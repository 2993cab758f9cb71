package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.faults.FaultInjector;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.AccessTokens;
import dev.officeflow.graphsim.identity.Tenant;
import dev.officeflow.graphsim.throttle.MailboxThrottle;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.graphsim.web.CallStats;
import dev.officeflow.graphsim.web.GraphErrors;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimServer;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subscriptions behind a real HTTP server, guard, tokens and accounts (Alice and Bob, small
 * mailboxes), on a clock the test moves. Speaks to it as a Graph client does: JSON over HTTP with a
 * bearer token.
 */
final class SubscriptionRig implements AutoCloseable {

  static final String ALICE = "alice@contoso.test";
  static final String BOB = "bob@contoso.test";
  static final Set<String> ALL_READ = Set.of("Mail.Read", "Calendars.Read", "Contacts.Read");

  /** One answer: the status and the JSON body (an empty object when there was none). */
  record Answer(int status, JsonNode body) {

    String errorCode() {
      return body.path("error").path("code").asString("");
    }

    String errorMessage() {
      return body.path("error").path("message").asString("");
    }
  }

  final MutableClock clock = MutableClock.at("2026-12-07T08:00:00Z");
  final Accounts accounts = new Accounts(clock);
  final AccessTokens tokens = new AccessTokens(clock);
  final GraphSubscriptions subscriptions;
  private final GraphGuard guard;
  private final SimServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  SubscriptionRig(UnaryOperator<SubscriptionSettings> settings) {
    GraphErrors errors = new GraphErrors(clock);
    guard =
        new GraphGuard(
            tokens,
            new MailboxThrottle(ThrottleSettings.defaults(), clock),
            new FaultInjector(FaultSettings.none()),
            errors,
            new CallStats(),
            "https://login.microsoftonline.com/common/oauth2/authorize");
    Router router = new Router(errors);
    subscriptions =
        new GraphSubscriptions(
            guard,
            clock,
            Tenant.DEFAULT_ID,
            this::graphUrl,
            id -> accounts.byId(id).map(GraphAccount::email),
            key -> accounts.byIdOrEmail(key).map(GraphAccount::id),
            settings.apply(SubscriptionSettings.defaults()));
    accounts.onCreate(a -> a.onChange(subscriptions::changed));
    accounts.create(AccountSpec.of(ALICE).withMailbox(1, 6, 2, 3, 1).withContacts(2));
    accounts.create(AccountSpec.of(BOB).withMailbox(2, 6, 2, 3, 1).withContacts(2));
    router.add(GraphSubscriptions.API_PREFIX, subscriptions.api());
    router.add(GraphSubscriptions.ADMIN_PREFIX, subscriptions.admin());
    server = new SimServer("graph-sim-test", "127.0.0.1", 0, 8, router);
  }

  SubscriptionRig() {
    this(UnaryOperator.identity());
  }

  String graphUrl() {
    return "http://127.0.0.1:" + server.port() + "/v1.0";
  }

  GraphAccount account(String email) {
    return accounts.byEmail(email).orElseThrow();
  }

  String token(String email, Set<String> scopes) {
    return tokens.issue(account(email).id(), scopes, Duration.ofHours(1));
  }

  String token(String email) {
    return token(email, ALL_READ);
  }

  /** A create body for {@code resource}, expiring {@code lifetime} from the clock's now. */
  ObjectNode request(String resource, String notificationUrl, Duration lifetime) {
    return Json.object()
        .put("changeType", "created,updated,deleted")
        .put("notificationUrl", notificationUrl)
        .put("resource", resource)
        .put("expirationDateTime", clock.instant().plus(lifetime).toString())
        .put("clientState", "secret-" + resource.length());
  }

  /** Creates a subscription that must succeed, and answers its id. */
  String subscribe(String token, ObjectNode request) {
    Answer created = post("/subscriptions", token, request);
    if (created.status() != 201) {
      throw new AssertionError("subscription refused: " + created.body());
    }
    return created.body().get("id").asString();
  }

  Answer post(String path, @Nullable String token, @Nullable JsonNode body) {
    return send("POST", path, token, body);
  }

  Answer get(String path, String token) {
    return send("GET", path, token, null);
  }

  Answer patch(String path, String token, JsonNode body) {
    return send("PATCH", path, token, body);
  }

  Answer delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  /** Calls an admin route ({@code /admin/subscriptions/...}) without a token. */
  Answer admin(String method, String path, @Nullable JsonNode body) {
    return exchange(method, "http://127.0.0.1:" + server.port() + path, null, body);
  }

  Instant now() {
    return clock.instant();
  }

  private Answer send(String method, String path, @Nullable String token, @Nullable JsonNode body) {
    return exchange(method, graphUrl() + path, token, body);
  }

  private Answer exchange(
      String method, String url, @Nullable String token, @Nullable JsonNode body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body());
      return new Answer(r.statusCode(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    subscriptions.close();
    guard.close();
  }
}
