package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AcceptedTokensTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final CountingDecoder checks = new CountingDecoder();

  @Test
  void acceptedTokenIsNotCheckedAgainBeforeItExpires() {
    AcceptedTokens tokens = new AcceptedTokens(checks, at(NOW.plusSeconds(299)), 10);

    StepVerifier.create(tokens.decode("good")).expectNextCount(1).verifyComplete();
    StepVerifier.create(tokens.decode("good"))
        .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("u-1"))
        .verifyComplete();

    assertThat(checks.seen).containsExactly("good");
  }

  @Test
  void rememberedTokenIsCheckedAgainOnceExpired() {
    MutableClock clock = new MutableClock(NOW);
    AcceptedTokens tokens = new AcceptedTokens(checks, clock, 10);
    StepVerifier.create(tokens.decode("good")).expectNextCount(1).verifyComplete();

    clock.now = NOW.plus(Duration.ofMinutes(5));
    StepVerifier.create(tokens.decode("good")).expectNextCount(1).verifyComplete();

    assertThat(checks.seen).containsExactly("good", "good");
  }

  @Test
  void refusedTokenIsCheckedEveryTime() {
    AcceptedTokens tokens = new AcceptedTokens(checks, at(NOW), 10);

    StepVerifier.create(tokens.decode("bad")).verifyError(BadJwtException.class);
    StepVerifier.create(tokens.decode("bad")).verifyError(BadJwtException.class);

    assertThat(checks.seen).containsExactly("bad", "bad");
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** Accepts "good" (expiring five minutes after NOW), refuses anything else; records each call. */
  private static final class CountingDecoder implements ReactiveJwtDecoder {
    final List<String> seen = new ArrayList<>();

    @Override
    public Mono<Jwt> decode(String token) {
      seen.add(token);
      if (!token.equals("good")) {
        return Mono.error(new BadJwtException("refused"));
      }
      return Mono.just(
          Jwt.withTokenValue(token)
              .header("alg", "RS256")
              .subject("u-1")
              .issuedAt(NOW)
              .expiresAt(NOW.plus(Duration.ofMinutes(5)))
              .build());
    }
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
