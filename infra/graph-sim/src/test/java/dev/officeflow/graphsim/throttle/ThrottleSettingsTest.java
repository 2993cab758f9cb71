package dev.officeflow.graphsim.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {

  @Test
  void theDefaultsAreOutlooksLimits() {
    ThrottleSettings defaults = ThrottleSettings.defaults();

    assertThat(defaults.requestsPer10Minutes()).isEqualTo(10_000);
    assertThat(defaults.concurrentRequests()).isEqualTo(4);
    assertThat(defaults.enabled()).isTrue();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> ThrottleSettings.defaults().withConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrentRequests=0");
  }
}
