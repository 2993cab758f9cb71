package dev.officeflow.user.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Microsoft integration's life after connecting, against graph-sim: the token API serves and
 * refreshes it (the platform rotates refresh tokens, and the new one is kept), revoked consent ends
 * it with the error the office fails the job with, disconnecting forgets it (there is no revocation
 * endpoint), and a deleted user's grant is held for the purge and then forgotten.
 */
@TestbedTest
class MicrosoftTokensIT {

  private final Testbed bed;

  MicrosoftTokensIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void aFreshTokenIsServedAsItIsWithItsAccountAndScopes() {
    String email = UserFixtures.email("ada");
    String userId = bed.connectMicrosoft(email);
    List<String> stored = bed.storedTokens(userId, "microsoft");

    HttpResponse<String> response = bed.token(userId, "microsoft");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("access_token").asString()).isEqualTo(stored.get(0));
    assertThat(bed.graphAccepts(body.path("access_token").asString())).isTrue();
    assertThat(body.path("account_email").asString()).isEqualTo(email);
    assertThat(body.path("scopes").valueStream().map(JsonNode::asString))
        .contains("Mail.Read", "Calendars.Read", "Contacts.Read");
    assertThat(body.path("expires_in").asLong()).isBetween(3500L, 3600L);
    assertThat(bed.storedTokens(userId, "microsoft")).isEqualTo(stored);
  }

  @Test
  void anExpiredTokenIsRefreshedAndEachRotatedRefreshTokenReplacesTheOld() {
    String userId = bed.connectMicrosoft(UserFixtures.email("bob"));
    List<String> first = bed.storedTokens(userId, "microsoft");

    bed.clock.advance(Duration.ofHours(2));
    String second = served(userId);
    List<String> afterFirstRefresh = bed.storedTokens(userId, "microsoft");
    bed.clock.advance(Duration.ofHours(2));
    String third = served(userId);
    List<String> afterSecondRefresh = bed.storedTokens(userId, "microsoft");

    assertThat(List.of(first.get(0), second, third)).doesNotHaveDuplicates();
    assertThat(bed.graphAccepts(third)).isTrue();
    assertThat(afterFirstRefresh.get(1)).isNotEqualTo(first.get(1));
    assertThat(afterSecondRefresh.get(1))
        .isNotEqualTo(afterFirstRefresh.get(1))
        .isNotEqualTo(first.get(1));
    assertThat(afterSecondRefresh.get(0)).isEqualTo(third);
  }

  @Test
  void revokedConsentEndsTheIntegrationWithTheErrorTheOfficeFailsTheJobWith() {
    String email = UserFixtures.email("cyd");
    String userId = bed.connectMicrosoft(email);
    bed.graph.admin().revokeConsent(email);
    bed.clock.advance(Duration.ofHours(2));

    HttpResponse<String> response = bed.token(userId, "microsoft");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("integration_revoked");
    assertThat(body.path("provider").asString()).isEqualTo("microsoft");
    assertThat(body.path("reason").asString())
        .contains("Microsoft refused the refresh token", "invalid_grant", "AADSTS65001")
        .contains("connect Microsoft again");
    assertThat(bed.sql().status(userId)).isEqualTo("revoked");
    assertThat(bed.sql().count("integration_tokens", userId)).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                bed.integrationEvents(userId).stream()
                    .anyMatch(
                        e ->
                            e.operation() == Operation.UPDATE
                                && e.status() == IntegrationStatus.REVOKED
                                && e.provider().equals("microsoft")));
  }

  @Test
  void aUserWithGoogleAndMicrosoftGetsEachProvidersOwnToken() {
    String email = UserFixtures.email("dot");
    String userId = bed.connectMicrosoft(email);
    bed.account(UserFixtures.account(email));
    assertThat(bed.callback(bed.authorize(email)).statusCode()).isEqualTo(302);

    String microsoft = Testbed.json(bed.token(userId, "microsoft")).path("access_token").asString();
    String google = Testbed.json(bed.token(userId, "google")).path("access_token").asString();

    assertThat(bed.graphAccepts(microsoft)).isTrue();
    assertThat(bed.graphAccepts(google)).isFalse();
    assertThat(bed.googleAccepts(google)).isTrue();
  }

  @Test
  void disconnectingForgetsTheGrantSaysItWasNotRevokedAndAnnouncesIt() {
    String email = UserFixtures.email("eve");
    String userId = bed.connectMicrosoft(email);

    HttpResponse<String> response =
        bed.service().delete("/v1/integrations/microsoft", bed.session(email));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Testbed.json(response).path("provider_revoked").asBoolean()).isFalse();
    assertThat(bed.sql().count("integrations", userId)).isZero();
    assertThat(bed.sql().count("integration_tokens", userId)).isZero();
    assertThat(bed.token(userId, "microsoft").statusCode()).isEqualTo(404);
    List<List<Object>> audit =
        bed.sql()
            .query(
                "SELECT detail FROM integration_audit WHERE user_id = ? AND action ="
                    + " 'disconnected'",
                userId);
    assertThat(audit).singleElement().asString().contains("not revoked", "no revocation endpoint");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                bed.integrationEvents(userId).stream()
                    .anyMatch(
                        e ->
                            e.operation() == Operation.DELETE && e.provider().equals("microsoft")));
  }

  @Test
  void aDeletedUsersGrantServesThePurgeAndIsForgottenWhenTheOfficeConfirms() {
    String email = UserFixtures.email("fox");
    String userId = bed.connectMicrosoft(email);
    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);

    assertThat(bed.token(userId, "microsoft").statusCode()).isEqualTo(410);
    HttpResponse<String> forPurge = purgeToken(userId);
    assertThat(forPurge.statusCode()).as(forPurge.body()).isEqualTo(200);
    assertThat(bed.graphAccepts(Testbed.json(forPurge).path("access_token").asString())).isTrue();

    HttpResponse<String> released =
        bed.service()
            .post("/internal/users/" + userId + "/provider-release", "", UserFixtures.OFFICE_TOKEN);

    assertThat(released.statusCode()).isEqualTo(204);
    assertThat(bed.sql().count("held_grants", userId)).isZero();
    assertThat(purgeToken(userId).statusCode()).isEqualTo(404);
  }

  private String served(String userId) {
    HttpResponse<String> response = bed.token(userId, "microsoft");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Testbed.json(response).path("access_token").asString();
  }

  private HttpResponse<String> purgeToken(String userId) {
    return bed.service()
        .post(
            "/internal/tokens/get",
            "{\"user_id\":\"" + userId + "\",\"provider\":\"microsoft\",\"purpose\":\"purge\"}",
            UserFixtures.OFFICE_TOKEN);
  }
}
