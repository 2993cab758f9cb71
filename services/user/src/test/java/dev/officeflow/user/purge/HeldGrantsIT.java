package dev.officeflow.user.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deleted user's grant is held for the office's purge (ARCHITECTURE §2, flow 6): served to the
 * office's purge alone, revoked at google-sim once the office confirms, or by the sweeper at the
 * deadline when it never does.
 */
@IntegrationTest
class HeldGrantsIT {

  private static final Duration DEADLINE = Duration.ofMinutes(10);
  private static final Duration WITHIN = Duration.ofSeconds(20);

  private static Testbed bed;

  @BeforeAll
  static void start() {
    bed =
        Testbed.start(
            Map.of(
                "officeflow.user.purge.release-deadline",
                DEADLINE.toString(),
                "officeflow.user.purge.sweep-interval",
                "200ms"));
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void deletionKeepsTheGrantUntilTheOfficeConfirmsThenRevokesItAtGoogle() {
    String email = UserFixtures.email("hal");
    String userId = bed.connect(email);
    String accessToken = bed.accessToken(userId);

    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);

    await("sweeps that must leave the grant alone")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> bed.googleAccepts(accessToken) && bed.sql().count("held_grants", userId) == 1);
    HttpResponse<String> forPurge = purgeToken(userId, UserFixtures.OFFICE_TOKEN);
    assertThat(forPurge.statusCode()).as(forPurge.body()).isEqualTo(200);
    assertThat(bed.googleAccepts(Testbed.json(forPurge).path("access_token").asString())).isTrue();

    HttpResponse<String> released = release(userId, UserFixtures.OFFICE_TOKEN);

    assertThat(released.statusCode()).as(released.body()).isEqualTo(204);
    // The release revokes what it claims; a sweep that claimed the grant first (it is due from
    // the release's first statement on) revokes it instead, a moment later.
    await("the grant revoked at Google and forgotten")
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> !bed.googleAccepts(accessToken) && bed.sql().count("held_grants", userId) == 0);
    assertThat(purgeToken(userId, UserFixtures.OFFICE_TOKEN).statusCode()).isEqualTo(404);
    assertThat(release(userId, UserFixtures.OFFICE_TOKEN).statusCode()).isEqualTo(204);
  }

  @Test
  void withoutAConfirmationTheSweeperRevokesTheGrantAtTheDeadline() {
    String email = UserFixtures.email("kim");
    String userId = bed.connect(email);
    String accessToken = bed.accessToken(userId);
    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);
    assertThat(bed.googleAccepts(accessToken)).isTrue();

    bed.clock.advance(DEADLINE.plusMinutes(1));

    await("the sweeper to revoke the grant")
        .atMost(WITHIN)
        .until(() -> !bed.googleAccepts(accessToken));
    assertThat(bed.sql().count("held_grants", userId)).isZero();
    assertThat(purgeToken(userId, UserFixtures.OFFICE_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void aDeletedUsersTokensAreRefusedToEveryCallerButTheOfficesPurge() {
    String email = UserFixtures.email("ned");
    String userId = bed.connect(email);
    String jwt = bed.session(email);
    assertThat(bed.service().delete("/v1/me", jwt).statusCode()).isEqualTo(204);

    HttpResponse<String> ordinary = bed.token(userId, List.of());
    assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(410);
    assertThat(Testbed.json(ordinary).path("code").asString()).isEqualTo("user_forgotten");
    assertThat(purgeToken(userId, UserFixtures.CONTACTS_TOKEN).statusCode()).isEqualTo(403);
    assertThat(purgeToken(userId, jwt).statusCode()).isEqualTo(403);
    assertThat(release(userId, UserFixtures.CONTACTS_TOKEN).statusCode()).isEqualTo(403);
    assertThat(release(userId, jwt).statusCode()).isEqualTo(403);
    assertThat(bed.sql().count("held_grants", userId)).isEqualTo(1);
    assertThat(purgeToken(userId, UserFixtures.OFFICE_TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void aHeldTokenCloseToExpiryIsRefreshedForThePurge() {
    String email = UserFixtures.email("ola");
    // Tokens that live 6 minutes: 2 minutes on, one is within the 5-minute refresh margin, long
    // before the release deadline.
    bed.account(UserFixtures.account(email).withTokenLifetime(Duration.ofMinutes(6)));
    assertThat(bed.callback(bed.authorize(email)).statusCode()).isEqualTo(302);
    String userId = bed.userId(email);
    String accessToken = bed.accessToken(userId);
    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);
    long refreshes = bed.proxy.refreshes();

    bed.clock.advance(Duration.ofMinutes(2));
    HttpResponse<String> forPurge = purgeToken(userId, UserFixtures.OFFICE_TOKEN);

    assertThat(forPurge.statusCode()).as(forPurge.body()).isEqualTo(200);
    String refreshed = Testbed.json(forPurge).path("access_token").asString();
    assertThat(refreshed).isNotEqualTo(accessToken);
    assertThat(bed.googleAccepts(refreshed)).isTrue();
    assertThat(bed.proxy.refreshes() - refreshes).isEqualTo(1);
  }

  private static HttpResponse<String> purgeToken(String userId, String credential) {
    return bed.service()
        .post(
            "/internal/tokens/get",
            "{\"user_id\":\"" + userId + "\",\"provider\":\"google\",\"purpose\":\"purge\"}",
            credential);
  }

  private static HttpResponse<String> release(String userId, String credential) {
    return bed.service().post("/internal/users/" + userId + "/provider-release", "", credential);
  }
}
