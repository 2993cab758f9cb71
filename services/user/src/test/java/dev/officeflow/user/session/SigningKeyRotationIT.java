package dev.officeflow.user.session;

import static dev.officeflow.user.testing.UserFixtures.sessionKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.RunningUserService;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User JWTs signed with configured keys: a token issued while key 1 signed, read by a service
 * restarted with key 2 current and key 1 still configured, keeps its session; replicas with the
 * same keys accept each other's tokens.
 */
@IntegrationTest
class SigningKeyRotationIT {

  private static final String KEY_1 = UserFixtures.rsaPem();
  private static final String KEY_2 = UserFixtures.rsaPem();

  private static Testbed bed;
  private static RunningUserService replica;
  private static String issuedUnderKeyOne;

  @BeforeAll
  static void signWithKeyOneThenMakeKeyTwoCurrent() {
    bed = Testbed.start(sessionKeys("k1", Map.of("k1", KEY_1)));
    issuedUnderKeyOne = bed.session(UserFixtures.email("rotated"));
    bed.restartWith(sessionKeys("k2", Map.of("k1", KEY_1, "k2", KEY_2)));
    replica = bed.anotherInstance();
  }

  @AfterAll
  static void stop() throws Exception {
    replica.close();
    bed.close();
  }

  @Test
  void aTokenSignedWithThePreviousKeyIsStillAccepted() throws Exception {
    assertThat(keyId(issuedUnderKeyOne)).isEqualTo("k1");

    assertThat(bed.service().get("/v1/me", issuedUnderKeyOne).statusCode()).isEqualTo(200);
  }

  @Test
  void newTokensAreSignedWithTheCurrentKey() throws Exception {
    String token = bed.session(UserFixtures.email("fresh"));

    assertThat(keyId(token)).isEqualTo("k2");
    assertThat(bed.service().get("/v1/me", token).statusCode()).isEqualTo(200);
  }

  @Test
  void theKeySetServesTheCurrentAndThePreviousKeyByKid() throws Exception {
    JWKSet jwks = JWKSet.parse(bed.service().get("/.well-known/jwks.json", null).body());

    assertThat(jwks.getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder("k1", "k2");
    assertThat(jwks.getKeys()).noneMatch(JWK::isPrivate);
  }

  @Test
  void anotherInstanceWithTheSameKeysAcceptsTheFirstInstancesTokens() {
    String token = bed.session(UserFixtures.email("replica"));

    assertThat(replica.get("/v1/me", token).statusCode()).isEqualTo(200);
  }

  private static String keyId(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getHeader().getKeyID();
  }
}
