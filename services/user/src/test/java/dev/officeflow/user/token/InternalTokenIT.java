package dev.officeflow.user.token;

import static dev.officeflow.user.testing.UserFixtures.GMAIL_READONLY;
import static dev.officeflow.user.testing.UserFixtures.GMAIL_SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.user.testing.Concurrently;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /internal/tokens/get} as the office service calls it, with google-sim behind it. */
@TestbedTest
class InternalTokenIT {

  private final Testbed bed;

  InternalTokenIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void freshTokenIsServedWithItsExpiryScopesAndAccountWithoutARefresh() {
    String email = UserFixtures.email("ivy");
    String userId = bed.connect(email);
    long refreshes = bed.proxy.refreshes();

    HttpResponse<String> response = bed.token(userId, List.of(GMAIL_READONLY));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Testbed.json(response);
    assertThat(bed.googleAccepts(body.path("access_token").asString())).isTrue();
    assertThat(body.path("expires_in").asLong()).isBetween(3500L, 3600L);
    Instant now = bed.clock.instant();
    assertThat(Instant.parse(body.path("expires_at").asString()))
        .isBetween(now.plusSeconds(3500), now.plusSeconds(3601));
    assertThat(body.path("account_email").asString()).isEqualTo(email);
    assertThat(body.path("scopes").valueStream().map(JsonNode::asString)).contains(GMAIL_READONLY);
    assertThat(bed.proxy.refreshes()).isEqualTo(refreshes);
  }

  @Test
  void fiftyConcurrentRequestsForAnExpiredTokenRefreshItExactlyOnce() {
    String userId = bed.connect(UserFixtures.email("jon"));
    String expired = bed.accessToken(userId);
    bed.clock.advance(Duration.ofHours(2));
    long refreshes = bed.proxy.refreshes();

    bed.proxy.delayRefreshes(Duration.ofMillis(300));

    List<HttpResponse<String>> responses = Concurrently.run(50, i -> bed.token(userId, List.of()));
    bed.proxy.delayRefreshes(Duration.ZERO);

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    List<String> tokens =
        responses.stream().map(r -> Testbed.json(r).path("access_token").asString()).toList();
    assertThat(tokens).doesNotContain(expired).containsOnly(tokens.get(0));
    assertThat(bed.googleAccepts(tokens.get(0))).isTrue();
    assertThat(bed.proxy.refreshes() - refreshes).isEqualTo(1);
  }

  @Test
  void tokenWithinFiveMinutesOfExpiryIsRefreshedBeforeItIsServed() {
    String userId = bed.connect(UserFixtures.email("kai"));
    String old = bed.accessToken(userId);
    bed.clock.advance(Duration.ofMinutes(56));

    String served = bed.accessToken(userId);

    assertThat(served).isNotEqualTo(old);
    assertThat(bed.googleAccepts(served)).isTrue();
  }

  @Test
  void tokenGoogleRejectedIsReplacedByARefreshedOne() {
    String email = UserFixtures.email("lou");
    String userId = bed.connect(email);
    String rejected = bed.accessToken(userId);
    bed.google.admin().expireAccessTokens(email);

    HttpResponse<String> response = bed.tokenAfterRejection(userId, rejected);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String replacement = Testbed.json(response).path("access_token").asString();
    assertThat(replacement).isNotEqualTo(rejected);
    assertThat(bed.googleAccepts(replacement)).isTrue();
  }

  @Test
  void aRejectionOfAnAlreadyReplacedTokenDoesNotRefreshAgain() {
    String email = UserFixtures.email("mia");
    String userId = bed.connect(email);
    String rejected = bed.accessToken(userId);
    bed.google.admin().expireAccessTokens(email);
    String replacement =
        Testbed.json(bed.tokenAfterRejection(userId, rejected)).path("access_token").asString();
    long refreshes = bed.proxy.refreshes();

    HttpResponse<String> late = bed.tokenAfterRejection(userId, rejected);

    assertThat(Testbed.json(late).path("access_token").asString()).isEqualTo(replacement);
    assertThat(bed.proxy.refreshes()).isEqualTo(refreshes);
  }

  @Test
  void revokedRefreshTokenMarksTheIntegrationRevokedAndAnnouncesIt() {
    String userId = bed.connect(UserFixtures.email("lea"));
    bed.revokeAtGoogle(bed.accessToken(userId));
    bed.clock.advance(Duration.ofHours(2));

    HttpResponse<String> response = bed.token(userId, List.of());

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("integration_revoked");
    assertThat(body.path("reason").asString()).contains("invalid_grant");
    assertThat(bed.sql().status(userId)).isEqualTo("revoked");
    assertThat(bed.sql().count("integration_tokens", userId)).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bed.integrationEvents(userId).stream().anyMatch(InternalTokenIT::revoked));
  }

  @Test
  void missingScopesAreListedInTheError() {
    String userId = bed.connect(UserFixtures.email("max"));

    HttpResponse<String> response = bed.token(userId, List.of(GMAIL_READONLY, GMAIL_SEND));

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("insufficient_scopes");
    assertThat(body.path("missing_scopes").valueStream().map(JsonNode::asString))
        .containsExactly(GMAIL_SEND);
  }

  @Test
  void ciphertextCopiedToAnotherUsersRowDoesNotDecrypt() {
    String owner = bed.connect(UserFixtures.email("ned"));
    String other = bed.connect(UserFixtures.email("oli"));

    bed.sql().copyTokens(owner, other);
    HttpResponse<String> response = bed.token(other, List.of());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("token_decryption_failed");
    assertThat(response.body()).doesNotContain("ya29.");
  }

  @Test
  void userWithoutIntegrationGets404() {
    HttpResponse<String> response = bed.token(UUID.randomUUID().toString(), List.of());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("integration_not_found");
  }

  @Test
  void errorsAreProblemDetailsNamedByTheirCode() {
    HttpResponse<String> response = bed.token(UUID.randomUUID().toString(), List.of());

    JsonNode body = Testbed.json(response);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(body.path("type").asString())
        .isEqualTo("urn:officeflow:problem:integration_not_found");
    assertThat(body.path("status").asInt()).isEqualTo(404);
    assertThat(body.path("instance").asString()).isEqualTo("/internal/tokens/get");
    assertThat(body.path("provider").asString()).isEqualTo("google");
  }

  private static boolean revoked(IntegrationEvent event) {
    return event.operation() == Operation.UPDATE && event.status() == IntegrationStatus.REVOKED;
  }
}
