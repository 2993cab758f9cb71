package dev.officeflow.user.session;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.officeflow.runtime.security.UserJwtSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues user JWTs (RS256, signed with the current key, its {@code kid} in the header) and
 * publishes the public half of every key. Thread-safe.
 */
public final class SessionTokens {

  /** A signed token and when it expires. */
  public record SessionToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
      return "SessionToken[token=<redacted>, expiresAt=" + expiresAt + "]";
    }
  }

  private final SigningKeys keys;
  private final NimbusJwtEncoder encoder;
  private final SessionSettings settings;
  private final UserJwtSettings jwt;
  private final Clock clock;

  SessionTokens(SigningKeys keys, SessionSettings settings, UserJwtSettings jwt, Clock clock) {
    this.keys = keys;
    this.encoder =
        new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.current())));
    this.settings = settings;
    this.jwt = jwt;
    this.clock = clock;
  }

  /** A token whose subject is {@code userId}. */
  public SessionToken issue(String userId) {
    Instant now = clock.instant();
    Instant expires = now.plus(settings.ttl());
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(jwt.issuer())
            .audience(List.of(jwt.audience()))
            .subject(userId)
            .issuedAt(now)
            .notBefore(now)
            .expiresAt(expires)
            .id(UUID.randomUUID().toString())
            .build();
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new SessionToken(token, expires);
  }

  /** The JWKS document: every key's public half, by {@code kid}. */
  public Map<String, Object> jwks() {
    return keys.publicJwks();
  }
}
