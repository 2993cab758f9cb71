package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrosoftStreamingSettingsTest {

  @Test
  void aLifetimeBeyondGraphsOutlookLimitIsRefused() {
    assertThatThrownBy(() -> settings(Duration.ofMinutes(10_081), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10,080");
  }

  @Test
  void renewingNoEarlierThanTheLifetimeIsRefused() {
    assertThatThrownBy(() -> settings(Duration.ofDays(1), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWebhookUrlsHangBelowTheBaseUrl() {
    MicrosoftStreamingSettings s =
        settings("https://office.example/", Duration.ofDays(3), Duration.ofDays(1));

    assertThat(s.notificationUrl())
        .isEqualTo("https://office.example/webhooks/microsoft/notifications");
    assertThat(s.lifecycleUrl()).isEqualTo("https://office.example/webhooks/microsoft/lifecycle");
  }

  private static MicrosoftStreamingSettings settings(Duration lifetime, Duration renewBefore) {
    return settings("", lifetime, renewBefore);
  }

  private static MicrosoftStreamingSettings settings(
      String baseUrl, Duration lifetime, Duration renewBefore) {
    return new MicrosoftStreamingSettings(
        true,
        baseUrl,
        lifetime,
        renewBefore,
        100,
        Duration.ofDays(30),
        Duration.ofDays(30),
        Duration.ofDays(30),
        Duration.ofDays(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(2),
        Duration.ofSeconds(30),
        Duration.ofMinutes(15),
        "");
  }
}
