package dev.officeflow.user.microsoft;

import dev.officeflow.user.oauth.IdTokenDecoder;
import dev.officeflow.user.oauth.InvalidIdTokenException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Checks v2.0 id_tokens of the Microsoft identity platform as a multi-tenant app must: the shared
 * checks ({@link IdTokenDecoder}: signature by a key of the tenant's key set, audience = client id,
 * expiry), then a {@code tid} the configured tenant admits, and the issuer {@code
 * <base-url>/<tid>/v2.0} for exactly that {@code tid} (the {@code common} key set signs every
 * tenant's tokens, so the issuer alone must say whose it is). Connecting also checks the {@code
 * nonce} of its authorization; signing in needs an address that identifies a person. Thread-safe.
 */
public final class MicrosoftIdTokens {

  private final IdTokenDecoder decoder;
  private final MicrosoftSettings settings;

  MicrosoftIdTokens(MicrosoftSettings settings, WebClient http, Clock clock) {
    this.settings = settings;
    this.decoder =
        new IdTokenDecoder(
            settings.jwkSetEndpoint(),
            settings.clientId(),
            List.of(issuer(settings)),
            http,
            clock,
            settings.timeout());
  }

  /**
   * "Sign in with Microsoft": the identity of a verified id_token whose address identifies a
   * person; an {@link InvalidIdTokenException} otherwise (forged, expired, another client or
   * tenant, no address, or an address nobody verified).
   */
  public Mono<MicrosoftIdentity> signIn(String idToken) {
    return verify(idToken)
        .handle(
            (identity, sink) -> {
              if (identity.email() == null) {
                sink.error(new InvalidIdTokenException("the id_token carries no email address"));
              } else if (!identity.emailVerified()) {
                sink.error(
                    new InvalidIdTokenException(
                        "the id_token's address is not verified: tenant "
                            + identity.tenantId()
                            + " is not one whose addresses this deployment trusts"
                            + " (officeflow.user.microsoft.verified-email-tenants), and the token"
                            + " does not say the domain owner verified it (xms_edov)"));
              } else {
                sink.next(identity);
              }
            });
  }

  /** The identity of the id_token a code exchange answered, which must echo {@code nonce}. */
  Mono<MicrosoftIdentity> connected(String idToken, String nonce) {
    return decoder
        .decode(idToken)
        .handle(
            (jwt, sink) -> {
              if (nonce.equals(jwt.getClaimAsString("nonce"))) {
                sink.next(identity(jwt));
              } else {
                sink.error(
                    new InvalidIdTokenException(
                        "the id_token's nonce is not the one of this authorization"));
              }
            });
  }

  private Mono<MicrosoftIdentity> verify(String idToken) {
    return decoder.decode(idToken).map(this::identity);
  }

  private MicrosoftIdentity identity(Jwt jwt) {
    String tid = jwt.getClaimAsString("tid");
    String email = address(jwt);
    boolean verified =
        settings.verifiedEmailTenants().contains(tid.toLowerCase(Locale.ROOT))
            || Boolean.TRUE.equals(jwt.getClaimAsBoolean("xms_edov"));
    return new MicrosoftIdentity(tid, jwt.getClaimAsString("oid"), email, verified);
  }

  private static @Nullable String address(Jwt jwt) {
    for (String claim : List.of("email", "preferred_username")) {
      String value = jwt.getClaimAsString(claim);
      if (value != null && value.contains("@")) {
        return value;
      }
    }
    return null;
  }

  private static OAuth2TokenValidator<Jwt> issuer(MicrosoftSettings settings) {
    return jwt -> {
      String tid = jwt.getClaimAsString("tid");
      String iss = jwt.getClaimAsString(JwtClaimNames.ISS);
      if (tid == null || !settings.admits(tid)) {
        return IdTokenDecoder.failure(
            "the id_token's tenant "
                + tid
                + " may not sign in here (officeflow.user.microsoft.tenant "
                + settings.tenant()
                + ")");
      }
      return settings.issuerOf(tid).equals(iss)
          ? OAuth2TokenValidatorResult.success()
          : IdTokenDecoder.failure(
              "the id_token was issued by '" + iss + "', not by " + settings.issuerOf(tid));
    };
  }
}
