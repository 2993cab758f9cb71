package dev.officeflow.simkit.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.web.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JwtSignerTest {

  private final JwtSigner signer = new JwtSigner();

  @Test
  void aTokenVerifiesAgainstThePublishedKeyAndCarriesTheClaimsUnchanged() throws Exception {
    String token = signer.sign(Json.object().put("sub", "alice").put("nonce", "n-1"));

    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(verifies(parts, signer.jwks().get("keys").get(0))).isTrue();
    JsonNode claims = decode(parts[1]);
    assertThat(claims.get("sub").asString()).isEqualTo("alice");
    assertThat(claims.get("nonce").asString()).isEqualTo("n-1");
  }

  @Test
  void theHeaderNamesRs256AndTheKeyOfTheKeySet() {
    JsonNode header = decode(signer.sign(Json.object()).split("\\.")[0]);

    assertThat(header.get("alg").asString()).isEqualTo("RS256");
    assertThat(header.get("typ").asString()).isEqualTo("JWT");
    assertThat(header.get("kid").asString())
        .isEqualTo(signer.keyId())
        .isEqualTo(signer.jwks().get("keys").get(0).get("kid").asString());
  }

  @Test
  void aTamperedPayloadNoLongerVerifies() throws Exception {
    String[] parts = signer.sign(Json.object().put("sub", "alice")).split("\\.");
    parts[1] =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"sub\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(verifies(parts, signer.jwk())).isFalse();
  }

  @Test
  void anotherSignersKeyDoesNotVerifyThisSignersTokens() throws Exception {
    String[] parts = signer.sign(Json.object()).split("\\.");
    JwtSigner other = new JwtSigner();

    assertThat(other.keyId()).isNotEqualTo(signer.keyId());
    assertThat(verifies(parts, other.jwk())).isFalse();
  }

  @Test
  void eachJwkIsAFreshNodeSoAProviderMayAddMembers() {
    signer.jwk().put("issuer", "https://login.example/tenant/v2.0");

    assertThat(signer.jwk().has("issuer")).isFalse();
  }

  @Test
  void theModulusIsPublishedAsItsUnsigned256Bytes() {
    byte[] n = Base64.getUrlDecoder().decode(signer.jwk().get("n").asString());

    assertThat(n).hasSize(256);
    assertThat(n[0]).isNotZero();
  }

  private static boolean verifies(String[] parts, JsonNode jwk) throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey(jwk));
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  private static PublicKey publicKey(JsonNode jwk) throws Exception {
    return KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
  }

  private static BigInteger unsigned(JsonNode jwk, String field) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asString()));
  }

  private static JsonNode decode(String part) {
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
  }
}
