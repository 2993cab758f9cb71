package dev.officeflow.graphsim.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens Graph calls carry: opaque strings (clients never read Graph's tokens), each
 * bound to an account, the OAuth client that obtained it (throttling is per app) and its scopes.
 * Time comes from the injected clock. Thread-safe.
 */
public final class AccessTokens {

  /** The app a token issued without one (the admin API, tests) is counted as. */
  public static final String DEFAULT_CLIENT = "graph-sim-admin";

  /** Whether a bearer token is usable, and if not, why: Graph words the two 401s differently. */
  public enum State {
    LIVE,
    EXPIRED,
    UNKNOWN
  }

  private record Issued(String accountId, String clientId, Set<String> scopes, Instant expiresAt) {}

  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public AccessTokens(Clock clock) {
    this.clock = clock;
  }

  /** A token for {@code accountId} as the admin app; scopes are normalized to their short form. */
  public String issue(String accountId, Set<String> scopes, Duration lifetime) {
    return issue(accountId, DEFAULT_CLIENT, scopes, lifetime);
  }

  /** A token for {@code accountId} obtained by the OAuth client {@code clientId}. */
  public String issue(String accountId, String clientId, Set<String> scopes, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("an access token's lifetime must be positive");
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = "EwB.sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Set<String> normalized = Set.copyOf(Scopes.normalizeAll(scopes));
    tokens.put(token, new Issued(accountId, clientId, normalized, clock.instant().plus(lifetime)));
    return token;
  }

  /** The caller behind a live token; empty when unknown, revoked or expired. */
  public Optional<AccessCaller> resolve(String bearer) {
    Issued issued = tokens.get(bearer);
    if (issued == null || !issued.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(new AccessCaller(issued.accountId(), issued.scopes(), issued.expiresAt()));
  }

  /** Whether {@code bearer} is live, expired, or not a token (unknown or revoked). */
  public State state(String bearer) {
    Issued issued = tokens.get(bearer);
    if (issued == null) {
      return State.UNKNOWN;
    }
    return issued.expiresAt().isAfter(clock.instant()) ? State.LIVE : State.EXPIRED;
  }

  /** The OAuth client a known token was issued to. */
  public Optional<String> clientOf(String bearer) {
    return Optional.ofNullable(tokens.get(bearer)).map(Issued::clientId);
  }

  /** Forgets every token of the account: consent revoked. */
  public void revokeAll(String accountId) {
    tokens.values().removeIf(t -> t.accountId().equals(accountId));
  }

  /** Makes every live token of the account expired now, as if its hour had passed. */
  public int expireAll(String accountId) {
    Instant now = clock.instant();
    int[] count = {0};
    tokens.replaceAll(
        (token, t) -> {
          if (t.accountId().equals(accountId) && t.expiresAt().isAfter(now)) {
            count[0]++;
            return new Issued(t.accountId(), t.clientId(), t.scopes(), now);
          }
          return t;
        });
    return count[0];
  }

  public void clear() {
    tokens.clear();
  }
}
