package dev.officeflow.user.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * User JWTs ({@code officeflow.session.*}); the contract other services validate against is in
 * docs/SERVICES.md "Security".
 *
 * @param issuer the {@code iss} claim (default {@code officeflow-user})
 * @param audience the value the {@code aud} claim contains (default {@code officeflow})
 * @param ttl how long a token lives (default 15 minutes)
 * @param privateKey the RSA signing key as PKCS#8 PEM (default empty: a 2048-bit key pair is
 *     generated at start, for local runs only, since tokens then die with the process)
 * @param keyId the {@code kid} of the key (default empty: its RFC 7638 thumbprint)
 */
@ConfigurationProperties("officeflow.session")
public record SessionSettings(
    @DefaultValue("officeflow-user") String issuer,
    @DefaultValue("officeflow") String audience,
    @DefaultValue("15m") Duration ttl,
    @DefaultValue("") String privateKey,
    @DefaultValue("") String keyId) {}
