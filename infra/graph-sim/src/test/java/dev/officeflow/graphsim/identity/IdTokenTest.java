package dev.officeflow.graphsim.identity;

import static dev.officeflow.graphsim.identity.IdentityServer.ALICE;
import static dev.officeflow.graphsim.identity.IdentityServer.CLIENT;
import static dev.officeflow.graphsim.identity.IdentityServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdTokenTest {

  private final IdentityServer idp = new IdentityServer();

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void theIdTokenVerifiesAgainstTheKeySetTheDiscoveryDocumentNames() throws Exception {
    JsonNode config = json(idp.get(Tenant.DEFAULT_ID + "/v2.0/.well-known/openid-configuration"));
    String jwksUri = config.path("jwks_uri").asString();
    SignedJWT token = SignedJWT.parse(signIn().path("id_token").asString());

    JWKSet keys = JWKSet.parse(idp.get(jwksUri.substring(idp.base().length())).body());
    RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());

    assertThat(key).isNotNull();
    assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
  }

  @Test
  void theIdTokenCarriesTheAccountTheTenantAndTheNonce() throws Exception {
    JWTClaimsSet claims = SignedJWT.parse(signIn().path("id_token").asString()).getJWTClaimsSet();

    assertThat(claims.getAudience()).containsExactly(CLIENT);
    assertThat(claims.getIssuer()).isEqualTo(idp.base() + Tenant.DEFAULT_ID + "/v2.0");
    assertThat(claims.getStringClaim("tid")).isEqualTo(Tenant.DEFAULT_ID);
    assertThat(claims.getStringClaim("oid")).isEqualTo(ALICE.id());
    assertThat(claims.getStringClaim("preferred_username")).isEqualTo(ALICE.email());
    assertThat(claims.getStringClaim("email")).isEqualTo(ALICE.email());
    assertThat(claims.getStringClaim("name")).isEqualTo(ALICE.displayName());
    assertThat(claims.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
    assertThat(claims.getStringClaim("ver")).isEqualTo("2.0");
    assertThat(claims.getExpirationTime())
        .isEqualTo(Date.from(idp.clock.instant().plusSeconds(3600)));
  }

  @Test
  void theDiscoveryDocumentOfATenantNamesItsIssuerAndEndpoints() throws Exception {
    JsonNode config = json(idp.get(Tenant.DEFAULT_ID + "/v2.0/.well-known/openid-configuration"));

    String base = idp.base() + Tenant.DEFAULT_ID;
    assertThat(config.path("issuer").asString()).isEqualTo(base + "/v2.0");
    assertThat(config.path("authorization_endpoint").asString())
        .isEqualTo(base + "/oauth2/v2.0/authorize");
    assertThat(config.path("token_endpoint").asString()).isEqualTo(base + "/oauth2/v2.0/token");
    assertThat(config.path("jwks_uri").asString()).isEqualTo(base + "/discovery/v2.0/keys");
  }

  @Test
  void theCommonDiscoveryDocumentNamesTheIssuerTemplate() throws Exception {
    JsonNode config = json(idp.get("common/v2.0/.well-known/openid-configuration"));

    assertThat(config.path("issuer").asString()).isEqualTo(idp.base() + "{tenantid}/v2.0");
  }

  @Test
  void instanceDiscoveryNamesTheSimAsItsOwnCloud() throws Exception {
    JsonNode doc = json(idp.get("common/discovery/instance?api-version=1.1"));

    String host = java.net.URI.create(idp.base()).getAuthority();
    assertThat(doc.path("metadata").get(0).path("preferred_network").asString()).isEqualTo(host);
    assertThat(doc.path("tenant_discovery_endpoint").asString())
        .isEqualTo(idp.base() + "common/v2.0/.well-known/openid-configuration");
  }

  @Test
  void withoutOpenidThereIsNoIdToken() throws Exception {
    JsonNode body = json(idp.signIn(ALICE, "offline_access Mail.Read"));

    assertThat(body.has("id_token")).isFalse();
  }

  private JsonNode signIn() throws Exception {
    return json(idp.signIn(ALICE, "openid profile email offline_access User.Read"));
  }
}
