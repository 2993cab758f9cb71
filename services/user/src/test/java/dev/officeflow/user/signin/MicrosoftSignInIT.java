package dev.officeflow.user.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Sign in with Microsoft": id_tokens that graph-sim signs, checked against its key set, the issuer
 * of their tenant and the client id, for user JWTs; and every kind that must not sign anyone in.
 */
@TestbedTest
class MicrosoftSignInIT {

  /** The local profile's client id: the audience of this application's id_tokens. */
  private static final String CLIENT_ID = "officeflow-local";

  private final Testbed bed;

  MicrosoftSignInIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void aMicrosoftIdTokenSignsInTheUserOfItsAddress() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("mia")));

    HttpResponse<String> response = bed.signInWithMicrosoft(idToken(email));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode session = Testbed.json(response);
    assertThat(session.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(session.path("expires_in").asLong()).isEqualTo(900);
    HttpResponse<String> me = bed.service().get("/v1/me", session.path("access_token").asString());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(Testbed.json(me).path("email").asString()).isEqualTo(email);
  }

  @Test
  void theSameAddressIsTheSameUserWhicheverWayTheySignIn() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("ned")));
    String existing = bed.userId(email).toString();

    String viaMicrosoft =
        Testbed.json(bed.signInWithMicrosoft(idToken(email))).path("user_id").asString();

    assertThat(viaMicrosoft).isEqualTo(existing);
  }

  @Test
  void anIdTokenSignedWithAnotherKeyIsRefused() throws Exception {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("ola")));
    SignedJWT genuine = SignedJWT.parse(idToken(email));
    SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    assertRefused(bed.signInWithMicrosoft(forged.serialize()), "verify");
  }

  @Test
  void anExpiredIdTokenIsRefused() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("quy")));
    String token = idToken(email);
    bed.clock.advance(Duration.ofMinutes(61));

    assertRefused(bed.signInWithMicrosoft(token), "expired");
  }

  @Test
  void anIdTokenForAnotherApplicationIsRefused() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("rob")));
    String token = bed.graph.admin().idToken(email, "another-application", null);

    assertRefused(bed.signInWithMicrosoft(token), "meant for [another-application]");
  }

  @Test
  void aGoogleIdTokenDoesNotSignInWithMicrosoft() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("sal")));
    String google = bed.google.admin().issueIdToken(email, CLIENT_ID);

    assertRefused(bed.signInWithMicrosoft(google), "verify");
  }

  @Test
  void somethingThatIsNotAJwtIsRefusedAndNoTokenIsAnInvalidRequest() {
    assertRefused(bed.signInWithMicrosoft("not-a-token"), "not a JWT");
    HttpResponse<String> none = bed.service().post("/v1/sessions/microsoft", "{}", null);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(none).path("code").asString()).isEqualTo("invalid_request");
  }

  private String idToken(String email) {
    return bed.graph.admin().idToken(email, CLIENT_ID, null);
  }

  private static void assertRefused(HttpResponse<String> response, String why) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    JsonNode problem = Testbed.json(response);
    assertThat(problem.path("code").asString()).isEqualTo("invalid_id_token");
    assertThat(problem.path("provider").asString()).isEqualTo("microsoft");
    assertThat(problem.path("detail").asString())
        .startsWith("Microsoft sign-in refused")
        .contains(why);
    assertThat(problem.has("access_token")).isFalse();
  }
}
