package dev.officeflow.graphsim.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeltaTokensTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
  final DeltaTokens tokens = new DeltaTokens(clock, Duration.ofHours(2));

  private DeltaState state(String account) {
    return new DeltaState(
        account,
        "contacts",
        3,
        9,
        0,
        "",
        clock.instant(),
        tokens.epoch(account),
        DeltaParams.of("", "displayName"));
  }

  private static int status(Runnable r) {
    try {
      r.run();
      return 200;
    } catch (GraphException e) {
      return e.status();
    }
  }

  @Test
  void aTokenDecodesToTheStateItWasMadeFrom() {
    DeltaState s = state("a");

    assertThat(tokens.decode(tokens.encode(s), "$deltatoken", "a", "contacts")).isEqualTo(s);
  }

  @Test
  void twoTokensForTheSameStateDiffer() {
    assertThat(tokens.encode(state("a"))).isNotEqualTo(tokens.encode(state("a")));
  }

  @Test
  void aTokenOutlivingItsLifetimeIsGone() {
    String token = tokens.encode(state("a"));
    clock.advance(Duration.ofHours(2).plusSeconds(1));

    assertThatThrownBy(() -> tokens.decode(token, "$deltatoken", "a", "contacts"))
        .isInstanceOf(GraphException.class)
        .satisfies(e -> assertThat(((GraphException) e).code()).isEqualTo("syncStateNotFound"));
  }

  @Test
  void expiringAnAccountsTokensLeavesOtherAccountsAlone() {
    String mine = tokens.encode(state("a"));
    String theirs = tokens.encode(state("b"));

    tokens.expireAll("a");

    assertThat(status(() -> tokens.decode(mine, "$deltatoken", "a", "contacts"))).isEqualTo(410);
    assertThat(status(() -> tokens.decode(theirs, "$deltatoken", "b", "contacts"))).isEqualTo(200);
    assertThat(
            status(() -> tokens.decode(tokens.encode(state("a")), "$deltatoken", "a", "contacts")))
        .isEqualTo(200);
  }

  @Test
  void aTokenUsedForAnotherAccountOrResourceOrNotATokenAtAllIsInvalid() {
    String token = tokens.encode(state("a"));

    assertThat(status(() -> tokens.decode(token, "$deltatoken", "b", "contacts"))).isEqualTo(400);
    assertThat(status(() -> tokens.decode(token, "$deltatoken", "a", "calendarView")))
        .isEqualTo(400);
    assertThat(status(() -> tokens.decode("garbage!", "$deltatoken", "a", "contacts")))
        .isEqualTo(400);
  }
}
