package dev.officeflow.user.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.officeflow.googlesim.oauth.IdTokenRequest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Sign in with Google": ID tokens that google-sim signs, checked against its key set, issuer and
 * the client id, for user JWTs; and every kind of ID token that must not sign anyone in.
 */
@TestbedTest
class GoogleSignInIT {

  /** The local profile's OAuth client id: the audience of this application's ID tokens. */
  private static final String CLIENT_ID = "officeflow-local";

  private final Testbed bed;

  GoogleSignInIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void aGoogleIdTokenSignsInTheUserOfItsVerifiedAddress() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("gia")));

    HttpResponse<String> response = bed.signInWithGoogle(idToken(email));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode session = Testbed.json(response);
    assertThat(session.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(session.path("expires_in").asLong()).isEqualTo(900);
    HttpResponse<String> me = bed.service().get("/v1/me", session.path("access_token").asString());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(Testbed.json(me).path("email").asString()).isEqualTo(email);
    assertThat(Testbed.json(me).path("id").asString())
        .isEqualTo(session.path("user_id").asString());
  }

  @Test
  void signingInAgainIsTheSameUser() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("hugo")));

    String first = Testbed.json(bed.signInWithGoogle(idToken(email))).path("user_id").asString();
    String again = Testbed.json(bed.signInWithGoogle(idToken(email))).path("user_id").asString();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void anIdTokenSignedWithAnotherKeyIsRefused() throws Exception {
    String email = bed.account(UserFixtures.account(UserFixtures.email("ines")));
    SignedJWT genuine = SignedJWT.parse(idToken(email));
    SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    assertRefused(bed.signInWithGoogle(forged.serialize()), "verify");
  }

  @Test
  void anIdTokenUnderAKeyGoogleNeverPublishedIsRefused() throws Exception {
    String email = bed.account(UserFixtures.account(UserFixtures.email("jack")));
    SignedJWT genuine = SignedJWT.parse(idToken(email));
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(genuine.getHeader()).keyID("forger").build(),
            genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    assertRefused(bed.signInWithGoogle(forged.serialize()), "verify");
  }

  @Test
  void anExpiredIdTokenIsRefused() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("kim")));
    String token = idToken(email);
    bed.clock.advance(Duration.ofMinutes(61));

    assertRefused(bed.signInWithGoogle(token), "expired");
  }

  @Test
  void anIdTokenForAnotherClientIsRefused() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("liv")));
    String token = bed.google.admin().issueIdToken(email, "another-application");

    assertRefused(bed.signInWithGoogle(token), "meant for [another-application]");
  }

  @Test
  void anIdTokenWithoutAVerifiedAddressIsRefused() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("mo")));
    String token =
        bed.google
            .admin()
            .issueIdToken(email, IdTokenRequest.forClient(CLIENT_ID).withEmailVerified(false));

    assertRefused(bed.signInWithGoogle(token), "no verified email");
  }

  @Test
  void somethingThatIsNotAJwtIsRefused() {
    assertRefused(bed.signInWithGoogle("not-a-token"), "not a JWT");
  }

  @Test
  void withoutAnIdTokenTheRequestIsInvalid() {
    HttpResponse<String> response = bed.service().post("/v1/sessions/google", "{}", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("invalid_request");
  }

  private String idToken(String email) {
    return bed.google.admin().issueIdToken(email, CLIENT_ID);
  }

  private static void assertRefused(HttpResponse<String> response, String why) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    JsonNode problem = Testbed.json(response);
    assertThat(problem.path("code").asString()).isEqualTo("invalid_id_token");
    assertThat(problem.path("detail").asString()).contains(why);
    assertThat(problem.has("access_token")).isFalse();
  }
}
