package dev.officeflow.graphsim.admin;

import static dev.officeflow.graphsim.GraphSimFixtures.ALICE;
import static dev.officeflow.graphsim.GraphSimFixtures.body;
import static dev.officeflow.graphsim.GraphSimFixtures.get;
import static dev.officeflow.graphsim.GraphSimFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimFixtures;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.testsupport.MutableClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminApiTest {

  private GraphSim sim;

  @BeforeEach
  void start() {
    sim =
        GraphSimFixtures.start(
            MutableClock.at(GraphSimFixtures.NOW), GraphSimFixtures.small(ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void accountsAreListedWithTheirIds() {
    JsonNode list = body(get(sim, "admin/accounts", ""));

    assertThat(list.path("accounts")).hasSize(1);
    assertThat(list.path("accounts").get(0).path("email").asString()).isEqualTo(ALICE);
    assertThat(list.path("accounts").get(0).path("id").asString())
        .isEqualTo(sim.admin().account(ALICE).id());
  }

  @Test
  void anAccountCreatedOverHttpCanSignIn() {
    HttpResponse<String> created =
        json(
            sim,
            "POST",
            "admin/accounts",
            "{\"email\":\"bob@acme.test\",\"displayName\":\"Bob\",\"recentMessages\":5,"
                + "\"olderMessages\":1,\"events\":2,\"olderEvents\":0,\"contacts\":1}");
    String token =
        body(json(sim, "POST", "admin/accounts/bob@acme.test/tokens", "{}"))
            .path("access_token")
            .asString();

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(body(get(sim, "v1.0/me", token)).path("displayName").asString()).isEqualTo("Bob");
  }

  @Test
  void tokensCanBeAskedForWithFewerScopes() {
    JsonNode tokens =
        body(
            json(
                sim,
                "POST",
                "admin/accounts/" + ALICE + "/tokens",
                "{\"scopes\":[\"https://graph.microsoft.com/Mail.Read\"]}"));

    assertThat(tokens.path("scope").asString()).isEqualTo("Mail.Read");
    assertThat(get(sim, "v1.0/me", tokens.path("access_token").asString()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void revokingConsentEndsTheTokensAndTheRefresh() {
    String token = GraphSimFixtures.token(sim, ALICE);

    JsonNode revoked = body(json(sim, "POST", "admin/accounts/" + ALICE + "/revoke-consent", ""));

    assertThat(revoked.path("revokedRefreshTokens").asInt()).isEqualTo(1);
    assertThat(get(sim, "v1.0/me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void expiringTokensMakesThem401WithTheLifetimeMessage() {
    String token = GraphSimFixtures.token(sim, ALICE);
    json(sim, "POST", "admin/accounts/" + ALICE + "/expire-tokens", "");

    HttpResponse<String> response = get(sim, "v1.0/me", token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(body(response).path("error").path("message").asString()).contains("expired");
  }

  @Test
  void consentSettingsChangeWhatTheAccountGrants() {
    HttpResponse<String> patched =
        json(
            sim,
            "PATCH",
            "admin/accounts/" + ALICE,
            "{\"grantedScopes\":[\"User.Read\",\"Mail.Read\"],\"denyConsent\":true}");

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(sim.admin().account(ALICE).spec().grantedScopes())
        .containsExactlyInAnyOrder("User.Read", "Mail.Read");
    assertThat(sim.admin().account(ALICE).spec().denyConsent()).isTrue();
  }

  @Test
  void throttlingSettingsChangeAndABadValueChangesNothing() {
    JsonNode changed =
        body(
            json(
                sim,
                "POST",
                "admin/throttling",
                "{\"requestsPer10Minutes\":600,\"burstRequests\":10,\"concurrentRequests\":2}"));
    HttpResponse<String> bad =
        json(
            sim,
            "POST",
            "admin/throttling",
            "{\"requestsPer10Minutes\":600,\"concurrentRequests\":0}");

    assertThat(changed.path("burstRequests").asInt()).isEqualTo(10);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(sim.admin().throttling()).isEqualTo(new ThrottleSettings(600, 10, 2, true));
  }

  @Test
  void aBudgetSetOverHttpBindsOnTheNextCalls() {
    String token = GraphSimFixtures.token(sim, ALICE);
    json(sim, "POST", "admin/throttling", "{\"requestsPer10Minutes\":60,\"burstRequests\":2}");

    get(sim, "v1.0/me", token);
    get(sim, "v1.0/me", token);
    HttpResponse<String> third = get(sim, "v1.0/me", token);
    JsonNode stats = body(get(sim, "admin/stats", ""));

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(body(third).path("error").path("code").asString()).isEqualTo("ApplicationThrottled");
    assertThat(third.headers().firstValue("Retry-After")).contains("10");
    assertThat(stats.path("throttled").path("MailboxRequests").asLong()).isEqualTo(1);
  }

  @Test
  void failNextMakesTheNextGraphCallsFailAndStatsCountThem() {
    String token = GraphSimFixtures.token(sim, ALICE);
    json(
        sim,
        "POST",
        "admin/faults",
        "{\"retryAfterSeconds\":2,\"failNext\":{\"count\":1,\"status\":429}}");

    HttpResponse<String> failed = get(sim, "v1.0/me", token);
    get(sim, "v1.0/me", token);
    JsonNode stats = body(get(sim, "admin/stats", ""));

    assertThat(failed.statusCode()).isEqualTo(429);
    assertThat(failed.headers().firstValue("Retry-After")).contains("2");
    assertThat(stats.path("requests").asLong()).isEqualTo(2);
    assertThat(stats.path("byStatus").path("429").asLong()).isEqualTo(1);
    assertThat(stats.path("byStatus").path("200").asLong()).isEqualTo(1);
    assertThat(stats.path("faultsInjected").asLong()).isEqualTo(1);
    assertThat(stats.path("throttled").path("total").asLong()).isZero();
  }

  @Test
  void aFaultStatusGraphWouldNotSendIs400() {
    HttpResponse<String> response = json(sim, "POST", "admin/faults", "{\"statuses\":[404]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(sim.admin().faults().statuses()).containsExactly(500, 503);
  }

  @Test
  void anUnknownAccountIs404() {
    assertThat(json(sim, "POST", "admin/accounts/nobody@acme.test/tokens", "{}").statusCode())
        .isEqualTo(404);
    assertThat(get(sim, "admin/accounts/nobody@acme.test", "").statusCode()).isEqualTo(404);
  }

  @Test
  void resetClearsCountersFaultsAndTokens() {
    String token = GraphSimFixtures.token(sim, ALICE);
    get(sim, "v1.0/me", token);
    json(sim, "POST", "admin/faults", "{\"errorRate\":0.5}");

    json(sim, "POST", "admin/reset", "");

    assertThat(sim.admin().stats().requests()).isZero();
    assertThat(sim.admin().faults().errorRate()).isZero();
    assertThat(get(sim, "v1.0/me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void invalidJsonIs400() {
    assertThat(json(sim, "POST", "admin/throttling", "{not json").statusCode()).isEqualTo(400);
  }
}
