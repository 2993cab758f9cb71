package dev.officeflow.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import org.junit.jupiter.api.Test;

/** Demo logins exist only where they are switched on. */
@IntegrationTest
class DevSessionsOffIT {

  @Test
  void devSessionEndpointIsAbsentUnlessSwitchedOn() throws Exception {
    try (Testbed bed = Testbed.start(UserFixtures.Keys.only("k1", UserFixtures.aesKey()), false)) {
      String body = "{\"email\":\"" + UserFixtures.email("vic") + "\"}";

      assertThat(bed.service().post("/v1/dev/session", body, null).statusCode()).isEqualTo(404);
    }
  }
}
