package dev.officeflow.googlesim.oauth;

import dev.officeflow.simkit.jwt.JwtSigner;
import dev.officeflow.simkit.web.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenID Connect ID tokens as Google signs them: RS256 JWTs with {@code iss}, {@code aud} and
 * {@code azp} (the client id), {@code sub}, {@code email}, {@code email_verified}, {@code iat},
 * {@code exp} and, when the client sent one, {@code nonce}. One RSA key is generated per simulator
 * (the kit's {@link JwtSigner}); its public half is the key set at {@code /oauth2/v3/certs}, where
 * Google publishes its own. Time comes from the injected clock. Thread-safe.
 */
public final class IdTokens {

  private final JwtSigner signer = new JwtSigner();
  private final Clock clock;
  private final Supplier<String> issuer;

  /**
   * @param issuer the {@code iss} of every token, asked for at each issue (a simulator on port 0
   *     knows its address only once it listens)
   */
  public IdTokens(Clock clock, Supplier<String> issuer) {
    this.clock = clock;
    this.issuer = issuer;
  }

  /** The issuer every token names. */
  public String issuer() {
    return issuer.get();
  }

  /** The {@code kid} of the signing key. */
  public String keyId() {
    return signer.keyId();
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
    return signer.sign(claims);
  }

  /** The public key set: {@code {"keys": [{"kty": "RSA", "use", "alg", "kid", "n", "e"}]}}. */
  public ObjectNode jwks() {
    return signer.jwks();
  }
}
