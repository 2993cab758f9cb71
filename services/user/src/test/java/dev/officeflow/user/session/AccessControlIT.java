package dev.officeflow.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may call what: service credentials, user JWTs, and one user's data kept from another. */
@TestbedTest
class AccessControlIT {

  private static final String TOKEN_REQUEST =
      "{\"user_id\":\"" + UUID.randomUUID() + "\",\"provider\":\"google\"}";

  private final Testbed bed;

  AccessControlIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void internalEndpointWithoutServiceCredentialIs401() {
    HttpResponse<String> response = bed.service().post("/internal/tokens/get", TOKEN_REQUEST, null);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void internalEndpointSpelledWithAPathParameterStillNeedsTheServiceCredential() {
    HttpResponse<String> response =
        bed.service().post("/internal;v=1/tokens/get", TOKEN_REQUEST, null);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void internalEndpointWithUserJwtIs403() {
    String jwt = bed.session(UserFixtures.email("pia"));

    HttpResponse<String> response = bed.service().post("/internal/tokens/get", TOKEN_REQUEST, jwt);

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void aServiceOtherThanTheOfficeMayNotFetchProviderTokens() {
    HttpResponse<String> response =
        bed.service().post("/internal/tokens/get", TOKEN_REQUEST, UserFixtures.CONTACTS_TOKEN);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Testbed.json(response).path("detail").asString())
        .contains("contacts may not call /internal/tokens/get");
  }

  @Test
  void userEndpointsWithoutJwtAre401() {
    assertThat(bed.service().get("/v1/integrations", null).statusCode()).isEqualTo(401);
    assertThat(bed.service().post("/v1/integrations/google/start", "{}", null).statusCode())
        .isEqualTo(401);
    assertThat(bed.service().delete("/v1/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void jwtSignedWithAnotherKeyIs401() throws Exception {
    String userId = bed.userId(UserFixtures.email("quin"));
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
            claims(userId, bed.clock.instant()));
    forged.sign(new RSASSASigner(foreign));

    assertThat(bed.service().get("/v1/me", forged.serialize()).statusCode()).isEqualTo(401);
  }

  @Test
  void expiredJwtIs401() {
    String jwt = bed.session(UserFixtures.email("rob"));
    assertThat(bed.service().get("/v1/me", jwt).statusCode()).isEqualTo(200);

    bed.clock.advance(Duration.ofMinutes(16));

    assertThat(bed.service().get("/v1/me", jwt).statusCode()).isEqualTo(401);
  }

  @Test
  void oneUsersJwtNeverReadsOrDisconnectsAnotherUsersIntegration() {
    String other = bed.connect(UserFixtures.email("sam"));
    String jwt = bed.session(UserFixtures.email("tia"));

    HttpResponse<String> list = bed.service().get("/v1/integrations", jwt);
    HttpResponse<String> disconnect = bed.service().delete("/v1/integrations/google", jwt);

    assertThat(Testbed.json(list).path("integrations").isEmpty()).isTrue();
    assertThat(disconnect.statusCode()).isEqualTo(404);
    assertThat(bed.sql().status(other)).isEqualTo("active");
  }

  @Test
  void jwksPublishesTheKeyThatVerifiesIssuedTokensAndTheirClaims() throws Exception {
    String email = UserFixtures.email("uma");
    String jwt = bed.session(email);
    JWKSet jwks = JWKSet.parse(bed.service().get("/.well-known/jwks.json", null).body());
    SignedJWT token = SignedJWT.parse(jwt);
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());

    assertThat(key.isPrivate()).isFalse();
    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("officeflow-user");
    assertThat(claims.getAudience()).containsExactly("officeflow");
    assertThat(claims.getSubject()).isEqualTo(bed.userId(email).toString());
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void healthIsOpenAndCoversPostgresAndRedis() {
    HttpResponse<String> health = bed.service().get("/actuator/health", null);

    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(Testbed.json(health).path("status").asString()).isEqualTo("UP");
    assertThat(Testbed.json(health).path("components").propertyNames()).contains("r2dbc", "redis");
  }

  private static JWTClaimsSet claims(String userId, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer("officeflow-user")
        .audience(List.of("officeflow"))
        .subject(userId.toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
        .build();
  }
}
