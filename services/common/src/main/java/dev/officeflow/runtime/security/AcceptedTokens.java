package dev.officeflow.runtime.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the user tokens {@code delegate} accepted, until each one's {@code exp}: a frontend
 * sends the same token with every request, and checking it again (RS256 signature, the JWK's key
 * decoded anew, the claims parsed and validated) was a sixth of the CPU time of a request. A token
 * not seen before, refused, or past its expiry goes to the delegate. A token already accepted stays
 * accepted until it expires even if its key leaves the key set meanwhile (user tokens live for
 * minutes). Bounded: when it holds {@code maxTokens} and another comes, it starts afresh.
 * Thread-safe.
 */
public final class AcceptedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Clock clock;
  private final int maxTokens;
  private final ConcurrentHashMap<String, Jwt> accepted = new ConcurrentHashMap<>();

  public AcceptedTokens(ReactiveJwtDecoder delegate, Clock clock, int maxTokens) {
    this.delegate = delegate;
    this.clock = clock;
    this.maxTokens = maxTokens;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = accepted.get(token);
    if (known != null && unexpired(known)) {
      return Mono.just(known);
    }
    if (known != null) {
      accepted.remove(token);
    }
    return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
  }

  private void remember(String token, Jwt jwt) {
    if (maxTokens <= 0 || jwt.getExpiresAt() == null) {
      return;
    }
    if (accepted.size() >= maxTokens) {
      accepted.clear();
    }
    accepted.put(token, jwt);
  }

  private boolean unexpired(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }
}
