package dev.officeflow.runtime.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the user tokens {@code delegate} accepted, until each one's {@code exp}: a frontend
 * sends the same token with every request, and checking it again (RS256 signature, the JWK's key
 * decoded anew, the claims parsed and validated) was a sixth of the CPU time of a request. A token
 * not seen before, refused, or past its expiry goes to the delegate. A token already accepted stays
 * accepted until it expires even if its key leaves the key set meanwhile (user tokens live for
 * minutes). Bounded to {@code maxTokens} tokens (Caffeine, by the injected clock). Thread-safe.
 */
public final class AcceptedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Clock clock;
  private final int maxTokens;
  private final Cache<String, Jwt> accepted;

  public AcceptedTokens(ReactiveJwtDecoder delegate, Clock clock, int maxTokens) {
    this.delegate = delegate;
    this.clock = clock;
    this.maxTokens = maxTokens;
    // Each token leaves at its own expiry, by the injected clock, or earlier when the bound is hit.
    this.accepted =
        Caffeine.newBuilder()
            .maximumSize(Math.max(maxTokens, 0))
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
            .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = accepted.getIfPresent(token);
    if (known != null && unexpired(known)) {
      return Mono.just(known);
    }
    return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
  }

  private void remember(String token, Jwt jwt) {
    if (maxTokens > 0 && jwt.getExpiresAt() != null && unexpired(jwt)) {
      accepted.put(token, jwt);
    }
  }

  private boolean unexpired(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }

  private Duration lifetime(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    return expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
  }
}
