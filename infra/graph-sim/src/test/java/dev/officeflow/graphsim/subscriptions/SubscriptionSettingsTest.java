package dev.officeflow.graphsim.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubscriptionSettingsTest {

  @Test
  void theDefaultsAreGraphsDocumentedOnes() {
    SubscriptionSettings d = SubscriptionSettings.defaults();

    assertThat(d.maxLifetime()).isEqualTo(Duration.ofMinutes(10_080));
    assertThat(d.validationTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.retryWindow()).isEqualTo(Duration.ofHours(4));
    assertThat(d.maxPerMailbox()).isEqualTo(1_000);
  }

  @Test
  void theBackoffDoublesUpToItsMaximum() {
    SubscriptionSettings s =
        SubscriptionSettings.defaults()
            .withRetries(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(4));

    assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.backoff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backoff(60)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jsonChangesOnlyTheKeysItNames() {
    SubscriptionSettings changed =
        SubscriptionSettingsJson.apply(
            SubscriptionSettings.defaults(), Json.object().put("validationTimeoutMs", 250));

    assertThat(changed.validationTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(changed.withValidationTimeout(Duration.ofSeconds(10)))
        .isEqualTo(SubscriptionSettings.defaults());
  }

  @Test
  void jsonThatIsNotAWholeNumberIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                SubscriptionSettingsJson.apply(
                    SubscriptionSettings.defaults(), Json.object().put("retryMaxMs", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryMaxMs");
  }
}
