package dev.officeflow.graphsim.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Refresh tokens as the identity platform issues them: bound to an account and a client, 90 days,
 * replaced by a fresh one on every use while the used one stays valid until it expires (the
 * platform documents that it does not revoke old refresh tokens). Revoking consent voids every one
 * of the account; a voided token is remembered so its use is answered as revoked consent rather
 * than as garbage. Thread-safe.
 */
final class RefreshTokens {

  static final Duration LIFETIME = Duration.ofDays(90);

  record Entry(String accountId, String clientId, Set<String> scopes, Instant expiresAt) {}

  enum Outcome {
    LIVE,
    EXPIRED,
    REVOKED,
    UNKNOWN
  }

  record Lookup(Outcome outcome, @Nullable Entry entry) {}

  private final Map<String, Entry> live = new ConcurrentHashMap<>();
  private final Map<String, Entry> revoked = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  RefreshTokens(Clock clock) {
    this.clock = clock;
  }

  String issue(String accountId, String clientId, Set<String> scopes) {
    byte[] raw = new byte[48];
    random.nextBytes(raw);
    String token = "M.C5rt.sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    live.put(
        token, new Entry(accountId, clientId, Set.copyOf(scopes), clock.instant().plus(LIFETIME)));
    return token;
  }

  Lookup find(String token) {
    Entry entry = live.get(token);
    if (entry != null) {
      return entry.expiresAt().isAfter(clock.instant())
          ? new Lookup(Outcome.LIVE, entry)
          : new Lookup(Outcome.EXPIRED, entry);
    }
    Entry gone = revoked.get(token);
    return gone != null ? new Lookup(Outcome.REVOKED, gone) : new Lookup(Outcome.UNKNOWN, null);
  }

  /** Voids every refresh token of the account. */
  int revokeAll(String accountId) {
    int[] count = {0};
    live.entrySet()
        .removeIf(
            e -> {
              if (e.getValue().accountId().equals(accountId)) {
                revoked.put(e.getKey(), e.getValue());
                count[0]++;
                return true;
              }
              return false;
            });
    return count[0];
  }

  void clear() {
    live.clear();
    revoked.clear();
  }
}
