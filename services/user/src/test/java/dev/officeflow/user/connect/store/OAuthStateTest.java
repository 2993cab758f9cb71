package dev.officeflow.user.connect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OAuthStateTest {

  /** The code verifier of RFC 7636's example (appendix B). */
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static final String NONCE = "n-0S6_WzA2Mj";

  @Test
  void decodesWhatItEncoded() {
    OAuthState state =
        new OAuthState(
            UUID.randomUUID().toString(),
            "microsoft",
            VERIFIER,
            NONCE,
            Instant.parse("2026-11-22T10:15:30Z"),
            "browser-key-hash");

    assertThat(OAuthState.decode(state.encode())).isEqualTo(state);
  }

  @Test
  void refusesSomethingElse() {
    assertThatThrownBy(() -> OAuthState.decode("v0|x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesARecordOfTheVersionWithoutBrowserBinding() {
    assertThatThrownBy(
            () -> OAuthState.decode("v1|" + UUID.randomUUID() + "|google|" + VERIFIER + "|0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesARecordOfTheVersionWithoutNonce() {
    assertThatThrownBy(
            () ->
                OAuthState.decode(
                    "v2|" + UUID.randomUUID() + "|google|" + VERIFIER + "|0|browser-key-hash"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringLeavesOutTheVerifierTheNonceAndTheBrowserHash() {
    assertThat(
            new OAuthState(
                    UUID.randomUUID().toString(), "google", VERIFIER, NONCE, Instant.EPOCH, "hash")
                .toString())
        .doesNotContain(VERIFIER)
        .doesNotContain(NONCE)
        .doesNotContain("hash");
  }
}
