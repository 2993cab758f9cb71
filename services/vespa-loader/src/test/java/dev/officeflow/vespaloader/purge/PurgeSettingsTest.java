package dev.officeflow.vespaloader.purge;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeSettingsTest {

  @Test
  void theDefaultSecondPassComesAfterTheLatestWriteTheDefaultFeedSettingsAllow() {
    PurgeSettings defaults = new PurgeSettings(Duration.ofSeconds(60), Duration.ofSeconds(2));

    assertThatCode(() -> defaults.requireSecondPassAfterWritesInFlight(Duration.ofSeconds(30)))
        .doesNotThrowAnyException();
  }

  @Test
  void aSecondPassThatCouldComeBeforeAWriteInFlightLandsIsRefusedWithTheReason() {
    PurgeSettings early = new PurgeSettings(Duration.ofSeconds(31), Duration.ofSeconds(2));

    assertThatThrownBy(() -> early.requireSecondPassAfterWritesInFlight(Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("second-pass-after (PT31S)")
        .hasMessageContaining("feed.operation-timeout + purge.not-forgotten-for (PT32S)");
  }

  @Test
  void negativeDurationsAreRefused() {
    assertThatThrownBy(() -> new PurgeSettings(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
