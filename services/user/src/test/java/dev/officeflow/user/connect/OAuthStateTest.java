package dev.officeflow.user.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OAuthStateTest {

  @Test
  void decodesWhatItEncoded() {
    OAuthState state =
        new OAuthState(
            UUID.randomUUID(), "google", Pkce.verifier(), Instant.parse("2026-11-22T10:15:30Z"));

    assertThat(OAuthState.decode(state.encode())).isEqualTo(state);
  }

  @Test
  void refusesSomethingElse() {
    assertThatThrownBy(() -> OAuthState.decode("v0|x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringLeavesOutTheVerifier() {
    String verifier = Pkce.verifier();

    assertThat(new OAuthState(UUID.randomUUID(), "google", verifier, Instant.EPOCH).toString())
        .doesNotContain(verifier);
  }
}
