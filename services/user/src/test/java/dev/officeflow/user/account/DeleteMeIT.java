package dev.officeflow.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code DELETE /v1/me}: everything about the user goes, and every service is told. */
@IntegrationTest
class DeleteMeIT {

  private static Testbed bed;

  @BeforeAll
  static void start() {
    bed = Testbed.start();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void deletingMeRevokesAtGoogleAndDeletesTheUserWithEverythingTheyHad() {
    String email = UserFixtures.email("zoe");
    UUID userId = bed.connect(email);
    String accessToken = bed.accessToken(userId);

    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);

    assertThat(bed.googleAccepts(accessToken)).isFalse();
    for (String table :
        new String[] {"users", "integrations", "integration_tokens", "integration_audit"}) {
      assertThat(bed.sql().count(table, userId)).as(table).isZero();
    }
  }

  @Test
  void deletingMePublishesUserDeleted() {
    String email = UserFixtures.email("abe");
    UUID userId = bed.connect(email);

    bed.service().delete("/v1/me", bed.session(email));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> bed.userEvents(userId).stream().anyMatch(e -> e.operation() == Operation.DELETE));
  }
}
