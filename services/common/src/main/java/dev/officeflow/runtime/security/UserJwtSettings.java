package dev.officeflow.runtime.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How user JWTs are checked by every service with user-facing routes, and how the user service
 * issues them ({@code officeflow.security.user-jwt.*}).
 *
 * @param jwkSetUri the user service's key set; default {@code
 *     http://127.0.0.1:8081/.well-known/jwks.json} (services map it from {@code USER_JWKS_URI});
 *     the user service checks its own tokens against its own keys instead
 * @param issuer the required {@code iss}; default {@code officeflow-user}
 * @param audience a value {@code aud} must contain; default {@code officeflow}
 * @param acceptedTokens accepted tokens remembered until they expire, so that a token is checked
 *     once rather than on every request (see {@link AcceptedTokens}); 0 checks every time; default
 *     2000
 */
@ConfigurationProperties("officeflow.security.user-jwt")
public record UserJwtSettings(
    @DefaultValue("") String jwkSetUri,
    @DefaultValue("officeflow-user") String issuer,
    @DefaultValue("officeflow") String audience,
    @DefaultValue("2000") int acceptedTokens) {}
