package dev.officeflow.simkit.jwt;

import dev.officeflow.simkit.web.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One RSA key, generated per simulator, that signs JWTs with RS256 (RFC 7515 compact form, the
 * header naming the key's {@code kid}), and its public half as a JSON Web Key (RFC 7517/7518) for
 * the simulator's key-set endpoint. What the claims say is the caller's business. Thread-safe.
 */
public final class JwtSigner {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair key;
  private final String keyId;

  /**
   * Generates a 2048-bit key. Its {@code kid} is the base64url of the first 20 bytes of the
   * modulus' SHA-256: stable for the key, and shaped like the thumbprints providers use as ids.
   */
  public JwtSigner() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.key = generator.generateKeyPair();
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(publicKey().getModulus().toByteArray());
      this.keyId = BASE64URL.encodeToString(Arrays.copyOf(digest, 20));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has RSA and SHA-256", e);
    }
  }

  /** The {@code kid} every token's header and the key set name. */
  public String keyId() {
    return keyId;
  }

  /** A compact JWS of {@code claims} with the header {@code {"alg":"RS256","kid","typ":"JWT"}}. */
  public String sign(JsonNode claims) {
    ObjectNode header = Json.object().put("alg", "RS256").put("kid", keyId).put("typ", "JWT");
    String signingInput = part(Json.bytes(header)) + "." + part(Json.bytes(claims));
    return signingInput + "." + part(signature(signingInput));
  }

  /**
   * The public key as a JWK: {@code {"kty":"RSA","use":"sig","alg":"RS256","kid","n","e"}}. A new
   * node on every call, so a provider may add its own members (Entra's keys carry {@code issuer}).
   */
  public ObjectNode jwk() {
    return Json.object()
        .put("kty", "RSA")
        .put("use", "sig")
        .put("alg", "RS256")
        .put("kid", keyId)
        .put("n", unsigned(publicKey().getModulus()))
        .put("e", unsigned(publicKey().getPublicExponent()));
  }

  /** The key set with this one key: {@code {"keys": [jwk()]}}. */
  public ObjectNode jwks() {
    ObjectNode set = Json.object();
    set.putArray("keys").add(jwk());
    return set;
  }

  private byte[] signature(String signingInput) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing a JWT failed", e);
    }
  }

  private RSAPublicKey publicKey() {
    return (RSAPublicKey) key.getPublic();
  }

  private static String part(byte[] bytes) {
    return BASE64URL.encodeToString(bytes);
  }

  /** RFC 7518's base64url of the unsigned big-endian value (no sign byte). */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return part(bytes);
  }
}
