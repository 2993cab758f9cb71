package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A deleted account's user JWT, still within its lifetime, is refused by every service that takes
 * user JWTs (ARCHITECTURE §8): the user service at once, contacts as soon as it has purged the user.
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
}
