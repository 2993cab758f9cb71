package dev.officeflow.user.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The RSA key pair user JWTs are signed with, as a JWK with its key id. */
final class SigningKey {

  private SigningKey() {}

  /** The configured key, or a freshly generated one when none is configured. */
  static RSAKey from(SessionSettings settings) {
    try {
      RSAKey.Builder key =
          settings.privateKey().isBlank() ? generated() : fromPem(settings.privateKey());
      key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
      if (settings.keyId().isBlank()) {
        key.keyIDFromThumbprint();
      } else {
        key.keyID(settings.keyId());
      }
      return key.build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("officeflow.user.session.private-key: " + e.getMessage(), e);
    }
  }

  private static RSAKey.Builder generated() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate());
  }

  private static RSAKey.Builder fromPem(String pem) throws GeneralSecurityException {
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
    return new RSAKey.Builder(publicKey).privateKey(key);
  }
}
