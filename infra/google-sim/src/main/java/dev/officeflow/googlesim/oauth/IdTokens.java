package dev.officeflow.googlesim.oauth;

import dev.officeflow.googlesim.web.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenID Connect ID tokens as Google signs them: RS256 JWTs with {@code iss}, {@code aud} and
 * {@code azp} (the client id), {@code sub}, {@code email}, {@code email_verified}, {@code iat},
 * {@code exp} and, when the client sent one, {@code nonce}. One RSA key is generated per simulator;
 * its public half is the key set at {@code /oauth2/v3/certs}, where Google publishes its own. Time
 * comes from the injected clock. Thread-safe.
 */
public final class IdTokens {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair key;
  private final String keyId;
  private final Clock clock;
  private final Supplier<String> issuer;

  /**
   * @param issuer the {@code iss} of every token, asked for at each issue (a simulator on port 0
   *     knows its address only once it listens)
   */
  public IdTokens(Clock clock, Supplier<String> issuer) {
    this.clock = clock;
    this.issuer = issuer;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.key = generator.generateKeyPair();
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(publicKey().getModulus().toByteArray());
      this.keyId = "sim-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 10));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has RSA and SHA-256", e);
    }
  }

  /** The issuer every token names. */
  public String issuer() {
    return issuer.get();
  }

  /** The {@code kid} of the signing key. */
  public String keyId() {
    return keyId;
  }

  /** A signed ID token for the account {@code email}. */
  public String issue(String email, IdTokenRequest request) {
    Instant now = clock.instant();
    ObjectNode claims =
        Json.object()
            .put("iss", issuer())
            .put("azp", request.audience())
            .put("aud", request.audience())
            .put("sub", OAuthApi.subject(email))
            .put("email", email)
            .put("email_verified", request.emailVerified())
            .put("iat", now.getEpochSecond())
            .put("exp", now.plus(request.lifetime()).getEpochSecond());
    if (request.nonce() != null) {
      claims.put("nonce", request.nonce());
    }
    ObjectNode header = Json.object().put("alg", "RS256").put("kid", keyId).put("typ", "JWT");
    String signingInput = part(Json.bytes(header)) + "." + part(Json.bytes(claims));
    return signingInput + "." + part(sign(signingInput));
  }

  /** The public key set: {@code {"keys": [{"kty": "RSA", "alg", "use", "kid", "n", "e"}]}}. */
  public ObjectNode jwks() {
    ObjectNode jwk =
        Json.object()
            .put("kty", "RSA")
            .put("alg", "RS256")
            .put("use", "sig")
            .put("kid", keyId)
            .put("n", unsigned(publicKey().getModulus()))
            .put("e", unsigned(publicKey().getPublicExponent()));
    ObjectNode set = Json.object();
    set.putArray("keys").add(jwk);
    return set;
  }

  private byte[] sign(String signingInput) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing an ID token failed", e);
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
