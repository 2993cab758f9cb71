package dev.officeflow.runtime.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Google-signed ID tokens of service accounts (Cloud Run, GKE workload identity) checked as service
 * credentials: RS256 by Google's keys, an accepted issuer, our audience, not expired, a verified
 * email that {@link ServiceSecuritySettings.GoogleIdTokens#callers()} lists for a caller. The key
 * set is fetched (and refreshed) over HTTP, so the check runs off the event loop.
 */
final class GoogleIdTokens {

  private final ServiceSecuritySettings.GoogleIdTokens settings;
  private final Map<String, String> callerByEmail;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  GoogleIdTokens(ServiceSecuritySettings.GoogleIdTokens settings) {
    this.settings = settings;
    this.callerByEmail = settings.callerByEmail();
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(URI.create(settings.jwkSetUri()).toURL()).retrying(true).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "officeflow.security.google-id-tokens.jwk-set-uri is not a URL: " + settings.jwkSetUri(),
          e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        // Mutable sets: Nimbus asks them whether they contain null, which Set.of refuses.
        new DefaultJWTClaimsVerifier<>(
            new HashSet<>(List.of(settings.audience())),
            new JWTClaimsSet.Builder().build(),
            new HashSet<>(List.of("iss", "aud", "exp", "email")),
            new HashSet<>()));
  }

  /** The caller the token names; empty when it is no valid token of a known service account. */
  Mono<Optional<String>> callerOf(String token) {
    return Mono.fromCallable(() -> caller(token))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorReturn(Optional.empty());
  }

  private Optional<String> caller(String token) throws Exception {
    JWTClaimsSet claims = processor.process(token, null);
    if (!settings.issuers().contains(claims.getIssuer())
        || !Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) {
      return Optional.empty();
    }
    String email = claims.getStringClaim("email");
    return Optional.ofNullable(
        email == null ? null : callerByEmail.get(email.toLowerCase(Locale.ROOT)));
  }
}
