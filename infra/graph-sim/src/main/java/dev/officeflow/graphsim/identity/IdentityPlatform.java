package dev.officeflow.graphsim.identity;

import dev.officeflow.simkit.jwt.JwtSigner;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Microsoft identity platform: its tokens, codes and signing key, the HTTP endpoints
 * ({@link #api()} under {@link #prefixes()}) and what the admin API needs to skip the browser.
 * Thread-safe.
 */
public final class IdentityPlatform {

  /** Entra's access tokens live 60–90 minutes; the sim's default is the hour. */
  public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

  private final Clock clock;
  private final Directory directory;
  private final Tenant tenant;
  private final Duration accessTokenLifetime;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final AuthorizationCodes codes;
  private final JwtSigner signer = new JwtSigner();
  private final IdTokens idTokens;
  private final IdentityErrors errors;

  public IdentityPlatform(
      Clock clock, Directory directory, Tenant tenant, Duration accessTokenLifetime) {
    this.clock = clock;
    this.directory = directory;
    this.tenant = tenant;
    this.accessTokenLifetime = accessTokenLifetime;
    this.accessTokens = new AccessTokens(clock);
    this.refreshTokens = new RefreshTokens(clock);
    this.codes = new AuthorizationCodes(clock);
    this.idTokens = new IdTokens(signer, tenant, clock);
    this.errors = new IdentityErrors(clock, tenant);
  }

  public AccessTokens accessTokens() {
    return accessTokens;
  }

  public Tenant tenant() {
    return tenant;
  }

  public Directory directory() {
    return directory;
  }

  /** The HTTP endpoints; register them under each of {@link #prefixes()}. */
  public Handler api() {
    return new IdentityApi(this);
  }

  /** {@code /<tenant id>}, {@code /common}, {@code /organizations}. */
  public List<String> prefixes() {
    return tenant.pathNames().stream().sorted().map(name -> "/" + name).toList();
  }

  /**
   * Tokens for {@code user} as {@code clientId} would get them from the token endpoint: an access
   * token; a refresh token with {@code offline_access}; an id_token with {@code openid}.
   */
  public TokenSet issue(
      DirectoryUser user, String clientId, Set<String> scopes, @Nullable String nonce) {
    Set<String> granted = Set.copyOf(Scopes.normalizeAll(scopes));
    String access = accessTokens.issue(user.id(), clientId, granted, accessTokenLifetime);
    String refresh =
        granted.contains(Scopes.OFFLINE_ACCESS)
            ? refreshTokens.issue(user.id(), clientId, granted)
            : null;
    String id =
        granted.contains(Scopes.OPENID) ? idTokens.issue(user, clientId, granted, nonce) : null;
    return new TokenSet(access, refresh, id, granted, accessTokenLifetime);
  }

  /** An id_token alone, for "Sign in with Microsoft" without the browser. */
  public String idToken(DirectoryUser user, String clientId, @Nullable String nonce) {
    return idTokens.issue(
        user, clientId, Set.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL), nonce);
  }

  /**
   * The user withdrew the app's permissions: every access token stops working, every refresh token
   * and pending code answers {@code invalid_grant} (AADSTS65001).
   *
   * @return how many refresh tokens were voided
   */
  public int revokeConsent(String accountId) {
    accessTokens.revokeAll(accountId);
    codes.revokeAll(accountId);
    return refreshTokens.revokeAll(accountId);
  }

  /**
   * The key set every id_token verifies against, as Entra serves it at {@code discovery/v2.0/keys}:
   * {@code {"keys": [{"kty", "use", "alg", "kid", "n", "e", "issuer"}]}} (no certificate chain:
   * nothing here checks one).
   */
  public ObjectNode jwks() {
    ObjectNode set = Json.object();
    set.putArray("keys").add(signer.jwk().put("issuer", tenant.issuer()));
    return set;
  }

  public void clear() {
    accessTokens.clear();
    refreshTokens.clear();
    codes.clear();
  }

  Clock clock() {
    return clock;
  }

  RefreshTokens refreshTokens() {
    return refreshTokens;
  }

  AuthorizationCodes codes() {
    return codes;
  }

  IdentityErrors errors() {
    return errors;
  }
}
