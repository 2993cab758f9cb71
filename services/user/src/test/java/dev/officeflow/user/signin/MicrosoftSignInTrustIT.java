package dev.officeflow.user.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.microsoft.MicrosoftSettings;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The "nOAuth" account takeover refused: with production's default, only personal accounts'
 * addresses are trusted, so a work tenant's id_token (graph-sim's tenant, whose administrators set
 * the {@code email} claim) signs nobody in, however valid, while connecting that account still
 * works (connecting is bound to the signed-in user, not to the address).
 */
@IntegrationTest
class MicrosoftSignInTrustIT {

  private static Testbed bed;

  @BeforeAll
  static void start() {
    bed =
        Testbed.start(
            Map.of(
                "officeflow.user.microsoft.verified-email-tenants",
                MicrosoftSettings.PERSONAL_ACCOUNTS_TENANT));
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void anAddressNoOneVerifiedSignsNobodyInAndCreatesNoUser() {
    String victim = UserFixtures.email("victim");
    String existing = bed.userId(victim).toString();
    bed.microsoftAccount(AccountSpec.of(victim));
    String token = bed.graph.admin().idToken(victim, "officeflow-local", null);

    HttpResponse<String> response = bed.signInWithMicrosoft(token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    JsonNode problem = Testbed.json(response);
    assertThat(problem.path("code").asString()).isEqualTo("invalid_id_token");
    assertThat(problem.path("detail").asString())
        .contains("not verified", "verified-email-tenants", "xms_edov");
    assertThat(response.body()).doesNotContain(existing);
  }

  @Test
  void connectingAnAccountOfThatTenantStillWorks() {
    String email = UserFixtures.email("worker");

    assertThat(bed.connectMicrosoft(email)).isNotNull();
    assertThat(bed.sql().status(bed.userId(email))).isEqualTo("active");
  }
}
