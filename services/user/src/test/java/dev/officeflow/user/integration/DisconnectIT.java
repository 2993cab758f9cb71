package dev.officeflow.user.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.Operation;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code DELETE /v1/integrations/google}: revoked at Google, gone here, announced. */
@TestbedTest
class DisconnectIT {

  private final Testbed bed;

  DisconnectIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void disconnectingRevokesTheGrantAtGoogle() {
    String email = UserFixtures.email("wes");
    String userId = bed.connect(email);
    String accessToken = bed.accessToken(userId);

    HttpResponse<String> response = disconnect(email);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Testbed.json(response).path("provider_revoked").asBoolean()).isTrue();
    assertThat(bed.googleAccepts(accessToken)).isFalse();
  }

  @Test
  void disconnectingDeletesTheIntegrationAndItsTokens() {
    String email = UserFixtures.email("xia");
    String userId = bed.connect(email);

    disconnect(email);

    assertThat(bed.sql().count("integrations", userId)).isZero();
    assertThat(bed.sql().count("integration_tokens", userId)).isZero();
    assertThat(bed.token(userId, java.util.List.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void disconnectingPublishesIntegrationDeleted() {
    String email = UserFixtures.email("yan");
    String userId = bed.connect(email);

    disconnect(email);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                bed.integrationEvents(userId).stream()
                    .anyMatch(e -> e.operation() == Operation.DELETE));
  }

  private HttpResponse<String> disconnect(String email) {
    return bed.service().delete("/v1/integrations/google", bed.session(email));
  }
}
