package dev.officeflow.user.session;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issuing user JWTs ({@code officeflow.user.session.*}). Their issuer and audience are {@code
 * officeflow.security.user-jwt.issuer} and {@code .audience}, the setting every service checks them
 * with; the contract is in docs/SERVICES.md "Security".
 *
 * @param ttl how long a token lives (default 15 minutes)
 * @param keys the RSA signing keys by key id ({@code kid}), each a PKCS#8 PEM of at least 2048 bits
 *     ({@code OFFICEFLOW_USER_SESSION_KEYS_<KID>}). Every key is in the key set and verifies, so a
 *     rotation adds the new key, makes it current, and removes the old one once its tokens have
 *     expired; replicas with the same keys sign alike. Empty (the default) generates one key at
 *     start: local runs only (production requires keys), and tokens die with the process.
 * @param currentKeyId the key new tokens are signed with ({@code USER_JWT_CURRENT_KEY_ID}); must be
 *     one of {@code keys} when there are any
 */
@ConfigurationProperties("officeflow.user.session")
public record SessionSettings(
    @DefaultValue("15m") Duration ttl,
    @DefaultValue Map<String, String> keys,
    @DefaultValue("") String currentKeyId) {

  public SessionSettings {
    keys = Map.copyOf(keys);
  }
}
