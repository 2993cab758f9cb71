package dev.officeflow.user.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The RSA keys of user JWTs, by key id: the current one signs, every one verifies and is published.
 * Configured keys come from {@link SessionSettings#keys()}; without any, one key is generated
 * (local runs only). Immutable.
 */
final class SigningKeys {

  private final RSAKey current;
  private final JWKSet all;

  private SigningKeys(RSAKey current, List<RSAKey> all) {
    this.current = current;
    this.all = new JWKSet(List.copyOf(all));
  }

  /** The configured keys, or a generated one when none is configured; fails naming the key. */
  static SigningKeys from(SessionSettings settings) {
    if (settings.keys().isEmpty()) {
      return generated();
    }
    if (!settings.keys().containsKey(settings.currentKeyId())) {
      throw new IllegalArgumentException(
          "officeflow.user.session.current-key-id '"
              + settings.currentKeyId()
              + "' is not among the configured keys "
              + new TreeMap<>(settings.keys()).keySet());
    }
    List<RSAKey> keys = new ArrayList<>();
    new TreeMap<>(settings.keys()).forEach((id, pem) -> keys.add(fromPem(id, pem)));
    RSAKey current =
        keys.stream().filter(k -> k.getKeyID().equals(settings.currentKeyId())).findFirst().get();
    return new SigningKeys(current, keys);
  }

  /** The key new tokens are signed with (private). */
  RSAKey current() {
    return current;
  }

  /** Every key, private halves included: the verifier's keys. */
  JWKSet all() {
    return all;
  }

  /** Every key's public half: the JWKS document. */
  Map<String, Object> publicJwks() {
    return all.toPublicJWKSet().toJSONObject(true);
  }

  private static SigningKeys generated() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      RSAKey key =
          signing(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()))
              .keyIDFromThumbprint()
              .build();
      return new SigningKeys(key, List.of(key));
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("generating a signing key failed", e);
    }
  }

  private static RSAKey fromPem(String id, String pem) {
    try {
      String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
      if (!(rsa.generatePrivate(spec) instanceof RSAPrivateCrtKey key)) {
        throw new GeneralSecurityException("not an RSA private key with CRT parameters");
      }
      if (key.getModulus().bitLength() < 2048) {
        throw new GeneralSecurityException("RSA key shorter than 2048 bits");
      }
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return signing(new RSAKey.Builder(publicKey).privateKey(key)).keyID(id).build();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "officeflow.user.session.keys." + id + " is not a PKCS#8 PEM RSA key: " + e.getMessage(),
          e);
    }
  }

  private static RSAKey.Builder signing(RSAKey.Builder key) {
    return key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
  }
}
