package dev.officeflow.graphsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private final MutableClock clock = MutableClock.at("2026-11-20T12:00:00Z");
  private final AccessTokens tokens = new AccessTokens(clock);

  @Test
  void aTokenResolvesToItsAccountWithShortScopes() {
    String token =
        tokens.issue(
            "a-1",
            Set.of("https://graph.microsoft.com/Mail.Read", "user.read"),
            Duration.ofHours(1));

    AccessCaller caller = tokens.resolve(token).orElseThrow();

    assertThat(caller.accountId()).isEqualTo("a-1");
    assertThat(caller.scopes()).containsExactlyInAnyOrder("Mail.Read", "User.Read");
    assertThat(caller.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void anExpiredTokenResolvesToNothingButIsKnownAsExpired() {
    String token = tokens.issue("a-1", Set.of("Mail.Read"), Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));

    assertThat(tokens.resolve(token)).isEmpty();
    assertThat(tokens.state(token)).isEqualTo(AccessTokens.State.EXPIRED);
  }

  @Test
  void revokingAnAccountEndsOnlyItsTokens() {
    String alice = tokens.issue("a-1", Set.of("Mail.Read"), Duration.ofHours(1));
    String bob = tokens.issue("b-2", Set.of("Mail.Read"), Duration.ofHours(1));

    tokens.revokeAll("a-1");

    assertThat(tokens.resolve(alice)).isEmpty();
    assertThat(tokens.state(alice)).isEqualTo(AccessTokens.State.UNKNOWN);
    assertThat(tokens.resolve(bob)).isPresent();
  }

  @Test
  void aTokenRemembersItsApp() {
    String viaOauth = tokens.issue("a-1", "client-1", Set.of("Mail.Read"), Duration.ofHours(1));
    String viaAdmin = tokens.issue("a-1", Set.of("Mail.Read"), Duration.ofHours(1));

    assertThat(tokens.clientOf(viaOauth)).contains("client-1");
    assertThat(tokens.clientOf(viaAdmin)).contains(AccessTokens.DEFAULT_CLIENT);
  }
}
