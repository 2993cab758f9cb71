package dev.officeflow.googlesim.oauth;

import dev.officeflow.googlesim.web.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Authorization codes, grants and tokens. A grant is one consent; revoking any of its tokens
 * revokes the grant (Google revokes the refresh token with its access tokens). Time comes from the
 * injected clock. Thread-safe.
 */
public final class OAuthTokens {

  /** Google's authorization codes are short-lived and single use. */
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  /**
   * A pending authorization code, everything the token exchange must check against it, and the
   * client's OpenID Connect {@code nonce} for the ID token.
   */
  record Code(
      String code,
      String clientId,
      String redirectUri,
      String email,
      Set<String> scopes,
      @Nullable String challenge,
      String challengeMethod,
      boolean offline,
      @Nullable String nonce,
      Instant expiresAt) {}

  private record Grant(String id, String email, Set<String> scopes) {}

  private record Access(String grantId, Instant expiresAt) {}

  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final Map<String, Access> access = new ConcurrentHashMap<>();
  private final Map<String, String> refresh = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public OAuthTokens(Clock clock) {
    this.clock = clock;
  }

  Code newCode(
      String clientId,
      String redirectUri,
      String email,
      Set<String> scopes,
      @Nullable String challenge,
      String method,
      boolean offline,
      @Nullable String nonce) {
    Code code =
        new Code(
            "4/0sim" + token(24),
            clientId,
            redirectUri,
            email,
            scopes,
            challenge,
            method,
            offline,
            nonce,
            clock.instant().plus(CODE_LIFETIME));
    codes.put(code.code(), code);
    return code;
  }

  /** Takes a code out (single use); empty if unknown or expired. */
  Optional<Code> redeem(String code) {
    Code c = codes.remove(code);
    return c == null || !c.expiresAt().isAfter(clock.instant()) ? Optional.empty() : Optional.of(c);
  }

  /** Starts a grant and issues its first tokens. */
  public TokenGrant issue(String email, Set<String> scopes, boolean offline, Duration lifetime) {
    Grant grant = new Grant(token(12), email, Set.copyOf(scopes));
    grants.put(grant.id(), grant);
    String refreshToken = null;
    if (offline) {
      refreshToken = "1//0sim" + token(32);
      refresh.put(refreshToken, grant.id());
    }
    return accessFor(grant, refreshToken, lifetime);
  }

  /** A new access token for the grant behind {@code refreshToken}; empty if revoked or unknown. */
  Optional<TokenGrant> refresh(String refreshToken, Function<String, Duration> lifetime) {
    return Optional.ofNullable(refresh.get(refreshToken))
        .map(grants::get)
        .map(g -> accessFor(g, null, lifetime.apply(g.email())));
  }

  Clock clock() {
    return clock;
  }

  private TokenGrant accessFor(Grant grant, @Nullable String refreshToken, Duration lifetime) {
    String token = "ya29.sim" + token(32);
    Instant expires = clock.instant().plus(lifetime);
    access.put(token, new Access(grant.id(), expires));
    return new TokenGrant(grant.email(), token, refreshToken, grant.scopes(), expires);
  }

  /** The caller behind a live access token. */
  public Optional<Caller> authenticate(String accessToken) {
    Access a = access.get(accessToken);
    if (a == null || !a.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.ofNullable(grants.get(a.grantId())).map(g -> new Caller(g.email(), g.scopes()));
  }

  /** Seconds left on a live access token, for tokeninfo. */
  Optional<Long> secondsLeft(String accessToken) {
    Access a = access.get(accessToken);
    return a == null
        ? Optional.empty()
        : Optional.of(Duration.between(clock.instant(), a.expiresAt()).toSeconds());
  }

  /** Revokes the grant behind an access or refresh token; false if the token is unknown. */
  public boolean revoke(String token) {
    String grantId = refresh.get(token);
    if (grantId == null && access.containsKey(token)) {
      grantId = access.get(token).grantId();
    }
    if (grantId == null || grants.remove(grantId) == null) {
      return false;
    }
    String id = grantId;
    refresh.values().removeIf(id::equals);
    access.values().removeIf(a -> a.grantId().equals(id));
    return true;
  }

  /** Makes every current access token of {@code email} expired, as if an hour had passed. */
  public int expireAccessTokens(String email) {
    List<String> ids =
        grants.values().stream()
            .filter(g -> g.email().equalsIgnoreCase(email))
            .map(Grant::id)
            .toList();
    int[] count = {0};
    Instant now = clock.instant();
    access.replaceAll(
        (token, a) -> {
          if (ids.contains(a.grantId()) && a.expiresAt().isAfter(now)) {
            count[0]++;
            return new Access(a.grantId(), now);
          }
          return a;
        });
    return count[0];
  }

  public void clear() {
    codes.clear();
    grants.clear();
    access.clear();
    refresh.clear();
  }

  private String token(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
