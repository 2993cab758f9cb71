package dev.officeflow.notifier.forget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForgetSettingsTest {

  @Test
  void aDeletedUserIsRememberedLongerThanTheirTokensLive() {
    assertThat(new ForgetSettings(Duration.ofMinutes(16)).rememberFor())
        .isGreaterThan(Duration.ofMinutes(15).plusSeconds(30));
    assertThatThrownBy(() -> new ForgetSettings(Duration.ofMinutes(15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("officeflow.user.session.ttl");
  }
}
