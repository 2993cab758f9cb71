package dev.officeflow.contacts.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How user JWTs from the user service are checked (RS256, keys from its JWKS).
 *
 * @param jwkSetUri the user service's key set; default {@code
 *     http://127.0.0.1:8081/.well-known/jwks.json} (environment {@code USER_JWKS_URI})
 * @param issuer the required {@code iss}; default {@code officeflow-user}
 * @param audience a value {@code aud} must contain; default {@code officeflow}
 * @param acceptedTokens accepted tokens remembered until they expire, so that a token is checked
 *     once rather than on every request (see {@link DecodedTokens}); 0 checks every time; default
 *     2000
 */
@ConfigurationProperties("contacts.security")
public record ApiSecuritySettings(
    @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwkSetUri,
    @DefaultValue("officeflow-user") String issuer,
    @DefaultValue("officeflow") String audience,
    @DefaultValue("2000") int acceptedTokens) {}
