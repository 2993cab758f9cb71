package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A deleted account's user JWT, still within its lifetime, is refused by every service that takes
 * user JWTs (ARCHITECTURE §8): the user service at once, contacts as soon as it has purged the
 * user.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class AccountDeletionSystemIT {

  @Test
  void aDeletedUsersTokenIsRefusedEverywhere(OfficeflowSystem system) {
    JsonNode session = new SystemClient(system).session("deleted@system.test");
    String jwt = session.path("access_token").asString();
    assertThat(Http.get(system.user().url("/v1/me"), jwt).statusCode()).isEqualTo(200);
    assertThat(Http.get(system.contacts().url("/onboarding/vips/status"), jwt).statusCode())
        .isEqualTo(200);

    HttpResponse<String> deleted = Http.call("DELETE", system.user().url("/v1/me"), null, jwt);
    assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 204);

    HttpResponse<String> me = Http.get(system.user().url("/v1/me"), jwt);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(401);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> status =
                  Http.get(system.contacts().url("/onboarding/vips/status"), jwt);
              assertThat(status.statusCode()).as(status.body()).isEqualTo(401);
              assertThat(Http.json(status).path("code").asString()).isEqualTo("unauthorized");
            });
  }

  /**
   * The purge order across services (ARCHITECTURE §2, flow 6): the grant outlives the account until
   * the office has stopped the user's Gmail watch and Calendar channels with it, then the user
   * service revokes it at google-sim.
   */
  @Test
  void aDeletedUsersWatchAndChannelsAreStoppedBeforeTheirGrantIsRevoked(OfficeflowSystem system) {
    String email = "purged@system.test";
    HttpResponse<String> account =
        Http.postJson(
            system.google().url("/sim/accounts"),
            Map.of(
                "email", email,
                "seed", 31,
                "recentMessages", 10,
                "olderMessages", 0,
                "events", 4,
                "olderEvents", 0),
            null);
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
    SystemClient client = new SystemClient(system);
    String userId = client.connect(email);
    HttpResponse<String> token =
        Http.postJson(
            system.user().url("/internal/tokens/get"),
            Map.of("user_id", userId, "provider", "google"),
            OfficeflowSystem.OFFICE_TOKEN);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    String accessToken = Http.json(token).path("access_token").asString();
    await("the backfill, then streaming")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode live = streaming(system, email);
              return live.path("gmailWatch").asBoolean()
                  && live.path("calendarChannels").asInt() > 0;
            });

    String jwt = client.session(email).path("access_token").asString();
    HttpResponse<String> deleted = Http.call("DELETE", system.user().url("/v1/me"), null, jwt);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    await("the office's purge and the grant's release")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode live = streaming(system, email);
              assertThat(live.path("gmailWatch").asBoolean()).as("gmail watch").isFalse();
              assertThat(live.path("calendarChannels").asInt()).as("channels").isZero();
              assertThat(
                      Http.get(system.google().url("/oauth2/v3/userinfo"), accessToken)
                          .statusCode())
                  .as("google-sim's answer to the deleted user's token")
                  .isEqualTo(401);
            });
  }

  private static JsonNode streaming(OfficeflowSystem system, String email) {
    HttpResponse<String> state =
        Http.get(system.google().url("/sim/accounts/" + email + "/streaming"), null);
    assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
    return Http.json(state);
  }
}
