package dev.officeflow.graphsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersPathTest {

  static ResourceRig rig;
  static String aliceToken;

  @BeforeAll
  static void start() {
    rig = new ResourceRig(ResourceRig.alice(), ResourceRig.bob());
    aliceToken = rig.token(ResourceRig.ALICE);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void theSignedInUserReadsHerMailByIdOrAddress() {
    String id = rig.account(ResourceRig.ALICE).id();

    assertThat(rig.get("/users/" + id + "/messages?%24top=3", aliceToken).statusCode())
        .isEqualTo(200);
    assertThat(rig.get("/users/" + ResourceRig.ALICE + "/contacts", aliceToken).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anotherUsersMailboxIsAccessDenied() {
    HttpResponse<String> r = rig.get("/users/" + ResourceRig.BOB + "/messages", aliceToken);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("ErrorAccessDenied");
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThat(rig.get("/users/nobody@contoso.test/messages", aliceToken).statusCode())
        .isEqualTo(404);
  }
}
