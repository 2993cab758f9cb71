package dev.officeflow.graphsim.identity;

import dev.officeflow.simkit.jwt.JwtSigner;
import dev.officeflow.simkit.web.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * v2.0 id_tokens as the identity platform issues them: {@code aud} (the client id), {@code iss}
 * ({@code <base><tid>/v2.0}), {@code iat}, {@code nbf}, {@code exp} (one hour), {@code sub}
 * (pairwise: one value per account and app), {@code oid}, {@code tid}, {@code ver} "2.0", {@code
 * uti}, the client's {@code nonce}; {@code name} and {@code preferred_username} with {@code
 * profile}, {@code email} with {@code email}. Thread-safe.
 */
final class IdTokens {

  static final Duration LIFETIME = Duration.ofHours(1);

  private final JwtSigner signer;
  private final Tenant tenant;
  private final Clock clock;

  IdTokens(JwtSigner signer, Tenant tenant, Clock clock) {
    this.signer = signer;
    this.tenant = tenant;
    this.clock = clock;
  }

  String issue(DirectoryUser user, String clientId, Set<String> scopes, @Nullable String nonce) {
    Instant now = clock.instant();
    ObjectNode claims =
        Json.object()
            .put("aud", clientId)
            .put("iss", tenant.issuer())
            .put("iat", now.getEpochSecond())
            .put("nbf", now.getEpochSecond())
            .put("exp", now.plus(LIFETIME).getEpochSecond());
    if (scopes.contains(Scopes.PROFILE)) {
      claims.put("name", user.displayName()).put("preferred_username", user.email());
    }
    if (scopes.contains(Scopes.EMAIL)) {
      claims.put("email", user.email());
    }
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    claims
        .put("oid", user.id())
        .put("sub", pairwiseSubject(user.id(), clientId))
        .put("tid", tenant.id())
        .put("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22))
        .put("ver", "2.0");
    return signer.sign(claims);
  }

  /** Entra's {@code sub} differs per app for the same user; derived, so it is stable here. */
  static String pairwiseSubject(String oid, String clientId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((oid + "|" + clientId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 43);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
