package dev.officeflow.user.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issuing user JWTs ({@code officeflow.user.session.*}). Their issuer and audience are {@code
 * officeflow.security.user-jwt.issuer} and {@code .audience}, the setting every service checks them
 * with; the contract is in docs/SERVICES.md "Security".
 *
 * @param ttl how long a token lives (default 15 minutes)
 * @param privateKey the RSA signing key as PKCS#8 PEM (default empty: a 2048-bit key pair is
 *     generated at start, for local runs only, since tokens then die with the process)
 * @param keyId the {@code kid} of the key (default empty: its RFC 7638 thumbprint)
 */
@ConfigurationProperties("officeflow.user.session")
public record SessionSettings(
    @DefaultValue("15m") Duration ttl,
    @DefaultValue("") String privateKey,
    @DefaultValue("") String keyId) {}
