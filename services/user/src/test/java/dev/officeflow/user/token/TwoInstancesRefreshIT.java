package dev.officeflow.user.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Concurrently;
import dev.officeflow.user.testing.RunningUserService;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two instances of the service on one database refresh an expired token once between them. */
@IntegrationTest
class TwoInstancesRefreshIT {

  private static Testbed bed;
  private static RunningUserService second;

  @BeforeAll
  static void start() {
    bed = Testbed.start();
    second = bed.anotherInstance();
    // Both instances warm, and every refresh slow enough that the two would overlap unlocked.
    String warmUp = bed.connect(UserFixtures.email("warm"));
    Testbed.token(bed.service(), warmUp, List.of());
    Testbed.token(second, warmUp, List.of());
    bed.proxy.delayRefreshes(Duration.ofMillis(500));
  }

  @AfterAll
  static void stop() throws Exception {
    second.close();
    bed.close();
  }

  @Test
  void concurrentRequestsOnTwoInstancesRefreshAnExpiredTokenExactlyOnce() {
    String userId = bed.connect(UserFixtures.email("two"));
    bed.clock.advance(Duration.ofHours(2));
    long refreshes = bed.proxy.refreshes();

    List<HttpResponse<String>> responses =
        Concurrently.run(
            40, i -> Testbed.token(i % 2 == 0 ? bed.service() : second, userId, List.of()));

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(responses.stream().map(r -> Testbed.json(r).path("access_token").asString()))
        .containsOnly(Testbed.json(responses.get(0)).path("access_token").asString());
    assertThat(bed.proxy.refreshes() - refreshes).isEqualTo(1);
  }
}
