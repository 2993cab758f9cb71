package dev.officeflow.graphsim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.graphsim.faults.FaultInjector;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.AccessTokens;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.graphsim.throttle.MailboxThrottle;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimResponse;
import dev.officeflow.simkit.web.SimServer;
import dev.officeflow.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The guard over HTTP, in front of a handler the tests control. */
class GraphGuardTest {

  private static final String ALICE = "6e1f3b0a-8a1c-4a43-9a55-7b2b1f0c1a01";

  private final MutableClock clock = MutableClock.at("2026-11-20T12:00:00Z");
  private final AccessTokens tokens = new AccessTokens(clock);
  private final MailboxThrottle throttle = new MailboxThrottle(ThrottleSettings.defaults(), clock);
  private final FaultInjector faults = new FaultInjector(FaultSettings.none());
  private final CallStats stats = new CallStats();
  private final GraphGuard guard =
      new GraphGuard(tokens, throttle, faults, new GraphErrors(clock), stats, "https://login/");
  private final AtomicInteger ran = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final SimServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  GraphGuardTest() {
    Router router = new Router(new GraphErrors(clock));
    router.add(
        "/v1.0/me/messages",
        r ->
            guard.call(
                r,
                Scopes.MAIL_READ,
                call -> {
                  ran.incrementAndGet();
                  pass(gate);
                  if (r.query().has("missing")) {
                    throw new GraphException(404, "ErrorItemNotFound", "Not found in the store.");
                  }
                  return SimResponse.ok(Json.object().put("account", call.accountId()));
                }));
    server = new SimServer("guard-test", "127.0.0.1", 0, 12, router);
  }

  @AfterEach
  void stop() {
    server.close();
    guard.close();
  }

  @Test
  void aLiveTokenWithTheScopeReachesTheHandlerWithItsAccount() throws Exception {
    HttpResponse<String> response = get(token(Set.of("Mail.Read")), "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("account").asString()).isEqualTo(ALICE);
    assertThat(response.headers().firstValue("request-id")).isPresent();
  }

  @Test
  void noTokenIs401AccessTokenIsEmpty() throws Exception {
    HttpResponse<String> response = get("", "");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response).path("code").asString()).isEqualTo("InvalidAuthenticationToken");
    assertThat(error(response).path("message").asString()).isEqualTo("Access token is empty.");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer ");
    assertThat(ran).hasValue(0);
  }

  @Test
  void anExpiredTokenIs401WithTheLifetimeMessage() throws Exception {
    String token = token(Set.of("Mail.Read"));
    clock.advance(Duration.ofHours(2));

    HttpResponse<String> response = get(token, "");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response).path("message").asString()).contains("expired");
  }

  @Test
  void aTokenTheSimNeverIssuedIs401() throws Exception {
    HttpResponse<String> response = get("garbage", "");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response).path("code").asString()).isEqualTo("InvalidAuthenticationToken");
  }

  @Test
  void aTokenWithoutTheScopeIs403ErrorAccessDenied() throws Exception {
    HttpResponse<String> response = get(token(Set.of("Calendars.Read")), "");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response).path("code").asString()).isEqualTo("ErrorAccessDenied");
    assertThat(ran).hasValue(0);
  }

  @Test
  void theErrorBodyCarriesTheRequestIdsOfItsHeaders() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "v1.0/me/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("client-request-id", "my-own-id")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode inner = error(response).path("innerError");
    assertThat(inner.path("request-id").asString())
        .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
    assertThat(inner.path("client-request-id").asString()).isEqualTo("my-own-id");
    assertThat(response.headers().firstValue("client-request-id")).contains("my-own-id");
    assertThat(inner.path("date").asString()).isEqualTo("2026-11-20T12:00:00");
  }

  @Test
  void aGraphExceptionFromTheHandlerIsGraphsErrorBody() throws Exception {
    HttpResponse<String> response = get(token(Set.of("Mail.Read")), "?missing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).path("code").asString()).isEqualTo("ErrorItemNotFound");
  }

  @Test
  void aSpentBudgetIs429ApplicationThrottledWithRetryAfter() throws Exception {
    throttle.configure(new ThrottleSettings(60, 2, 4, true));
    String token = token(Set.of("Mail.Read"));
    get(token, "");
    get(token, "");

    HttpResponse<String> response = get(token, "");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(error(response).path("code").asString()).isEqualTo("ApplicationThrottled");
    assertThat(error(response).path("message").asString()).contains("MailboxRequests");
    assertThat(response.headers().firstValue("Retry-After")).contains("10");
    assertThat(stats.snapshot().throttled()).containsEntry("MailboxRequests", 1L);
    assertThat(ran).hasValue(2);
  }

  @Test
  void aFifthConcurrentCallIs429MailboxConcurrency() throws Exception {
    gate = new CountDownLatch(1);
    String token = token(Set.of("Mail.Read"));
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(getAsync(token));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 4);

    HttpResponse<String> fifth = get(token, "");
    gate.countDown();

    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(error(fifth).path("message").asString())
        .isEqualTo("Application is over its MailboxConcurrency limit.");
    assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anotherAppIsNotHeldUpByTheFirstAppsConcurrency() throws Exception {
    gate = new CountDownLatch(1);
    String token = token(Set.of("Mail.Read"));
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(getAsync(token));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 4);

    CompletableFuture<HttpResponse<String>> otherApp =
        getAsync(tokens.issue(ALICE, "other-app", Set.of("Mail.Read"), Duration.ofHours(1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 5);
    gate.countDown();

    assertThat(otherApp.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    for (CompletableFuture<HttpResponse<String>> f : held) {
      f.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void injectedLatencyHoldsTheConcurrencySlotUntilTheAnswerIsDue() throws Exception {
    throttle.configure(ThrottleSettings.defaults().withConcurrentRequests(1));
    faults.configure(FaultSettings.none().withLatency(Duration.ofMillis(1500)));
    String token = token(Set.of("Mail.Read"));
    CompletableFuture<HttpResponse<String>> first = getAsync(token);
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 1);

    HttpResponse<String> second = get(token, "");

    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void anInjected503CarriesRetryAfterAndSkipsTheHandler() throws Exception {
    faults.configure(FaultSettings.none().withRetryAfter(Duration.ofSeconds(3)));
    faults.failNext(1, 503);

    HttpResponse<String> response = get(token(Set.of("Mail.Read")), "");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(error(response).path("code").asString()).isEqualTo("serviceNotAvailable");
    assertThat(response.headers().firstValue("Retry-After")).contains("3");
    assertThat(ran).hasValue(0);
    assertThat(stats.snapshot().faultsInjected()).isEqualTo(1);
  }

  @Test
  void anInjected429StormIsNotCountedAsThrottling() throws Exception {
    faults.failNext(2, 429);
    String token = token(Set.of("Mail.Read"));

    HttpResponse<String> first = get(token, "");
    get(token, "");
    HttpResponse<String> third = get(token, "");

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("1");
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(stats.snapshot().totalThrottled()).isZero();
    assertThat(stats.snapshot().status(429)).isEqualTo(2);
  }

  @Test
  void everyCallIsCountedByStatus() throws Exception {
    get(token(Set.of("Mail.Read")), "");
    get("", "");

    CallStats.Snapshot snapshot = stats.snapshot();
    assertThat(snapshot.requests()).isEqualTo(2);
    assertThat(snapshot.byStatus()).containsEntry(200, 1L).containsEntry(401, 1L);
    assertThat(snapshot.byAccount()).containsEntry(ALICE, 1L);
  }

  private String token(Set<String> scopes) {
    return tokens.issue(ALICE, scopes, Duration.ofHours(1));
  }

  private String base() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  private HttpResponse<String> get(String token, String query) throws Exception {
    return http.send(request(token, query), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String token) {
    return http.sendAsync(request(token, ""), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String token, String query) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "v1.0/me/messages" + query))
            .timeout(Duration.ofSeconds(30));
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  private static void pass(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body());
  }

  private static JsonNode error(HttpResponse<String> r) {
    return json(r).path("error");
  }
}
