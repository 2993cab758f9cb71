package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientStatesTest {

  @Test
  void aSecretMatchesItsOwnHashOnly() {
    String secret = ClientStates.newSecret();
    byte[] stored = ClientStates.sha256(secret);

    assertThat(ClientStates.matches(stored, secret)).isTrue();
    assertThat(ClientStates.matches(stored, secret + "x")).isFalse();
    assertThat(ClientStates.matches(stored, ClientStates.newSecret())).isFalse();
    assertThat(ClientStates.matches(stored, "")).isFalse();
  }

  @Test
  void secretsAreFreshEachTimeAndFitGraphsLimit() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String secret = ClientStates.newSecret();
      assertThat(secret).hasSizeBetween(40, 255).matches("[A-Za-z0-9_-]+");
      seen.add(secret);
    }
    assertThat(seen).hasSize(100);
  }
}
