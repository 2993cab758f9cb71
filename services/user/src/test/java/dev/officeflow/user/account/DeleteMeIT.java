package dev.officeflow.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.RunningUserService;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /v1/me}: everything about the user goes, their unexpired tokens are refused from
 * then on, and every service is told.
 */
@IntegrationTest
class DeleteMeIT {

  private static Testbed bed;
  private static RunningUserService replica;

  /** Two instances with the same signing key, as replicas run: each accepts the other's tokens. */
  @BeforeAll
  static void start() {
    bed = Testbed.start(UserFixtures.sessionKeys("k1", Map.of("k1", UserFixtures.rsaPem())));
    replica = bed.anotherInstance();
  }

  @AfterAll
  static void stop() throws Exception {
    replica.close();
    bed.close();
  }

  @Test
  void deletingMeDeletesTheUserWithEverythingTheyHadAndHoldsOnlyTheGrantForThePurge() {
    String email = UserFixtures.email("zoe");
    String userId = bed.connect(email);
    String accessToken = bed.accessToken(userId);

    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);

    for (String table :
        new String[] {"users", "integrations", "integration_tokens", "integration_audit"}) {
      assertThat(bed.sql().count(table, userId)).as(table).isZero();
    }
    // Revoked only once the office confirms its purge (HeldGrantsIT): it still has to stop the
    // user's watch and channels with it.
    assertThat(bed.sql().count("held_grants", userId)).isEqualTo(1);
    assertThat(bed.googleAccepts(accessToken)).isTrue();
  }

  @Test
  void aDeletedUsersUnexpiredTokenIsRefused() {
    String jwt = bed.session(UserFixtures.email("amy"));
    assertThat(bed.service().get("/v1/me", jwt).statusCode()).isEqualTo(200);

    assertThat(bed.service().delete("/v1/me", jwt).statusCode()).isEqualTo(204);

    HttpResponse<String> me = bed.service().get("/v1/me", jwt);
    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(Testbed.json(me).path("detail").asString()).contains("deleted");
    assertThat(bed.service().get("/v1/integrations", jwt).statusCode()).isEqualTo(401);
  }

  @Test
  void anotherInstanceRefusesADeletedUsersTokenWithinSeconds() {
    String jwt = bed.session(UserFixtures.email("ari"));
    assertThat(replica.get("/v1/me", jwt).statusCode()).isEqualTo(200);

    assertThat(bed.service().delete("/v1/me", jwt).statusCode()).isEqualTo(204);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> replica.get("/v1/me", jwt).statusCode() == 401);
  }

  @Test
  void deletingMePublishesUserDeleted() {
    String email = UserFixtures.email("abe");
    String userId = bed.connect(email);

    bed.service().delete("/v1/me", bed.session(email));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> bed.userEvents(userId).stream().anyMatch(e -> e.operation() == Operation.DELETE));
  }
}
