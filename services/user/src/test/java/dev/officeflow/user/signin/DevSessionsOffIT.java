package dev.officeflow.user.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demo logins exist only where they are switched on (the local profile switches them on). */
@IntegrationTest
class DevSessionsOffIT {

  @Test
  void devSessionEndpointIsAbsentUnlessSwitchedOn() throws Exception {
    try (Testbed bed = Testbed.start(Map.of("officeflow.user.dev-session.enabled", false))) {
      String body = "{\"email\":\"" + UserFixtures.email("vic") + "\"}";

      assertThat(bed.service().post("/v1/dev/session", body, null).statusCode()).isEqualTo(404);
    }
  }
}
