package dev.officeflow.user.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void s256ChallengeMatchesTheRfc7636Example() {
    assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifierIsWithinTheLengthsAndAlphabetRfc7636Allows() {
    assertThat(Pkce.verifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
  }

  @Test
  void statesDoNotRepeat() {
    assertThat(Pkce.state()).isNotEqualTo(Pkce.state());
  }
}
