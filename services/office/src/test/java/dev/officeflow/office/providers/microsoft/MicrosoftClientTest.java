package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kiota.http.middleware.RetryHandler;
import dev.officeflow.office.adapter.ProviderFailure;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class MicrosoftClientTest {

  private static final MicrosoftSettings SETTINGS =
      new MicrosoftSettings(
          "http://127.0.0.1:8091/v1.0/",
          Duration.ofSeconds(10),
          3,
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          4,
          100,
          100,
          100,
          4,
          Duration.ofSeconds(30));

  @Test
  void aRetryNeverComesBeforeGraphsRetryAfter() {
    ProviderFailure throttled = failure(Duration.ofSeconds(7));

    for (int retry = 0; retry < 5; retry++) {
      assertThat(MicrosoftClient.backoff(SETTINGS, retry, throttled))
          .isEqualTo(Duration.ofSeconds(7));
    }
  }

  @Test
  void withoutRetryAfterTheBackoffDoublesWithJitterUpToItsCap() {
    ProviderFailure failed = failure(null);

    assertThat(MicrosoftClient.backoff(SETTINGS, 0, failed))
        .isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
    assertThat(MicrosoftClient.backoff(SETTINGS, 10, failed))
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
  }

  @Test
  void theSdksOwnRetryHandlerIsLeftOutSoRetriesArePaced() {
    OkHttpClient http = MicrosoftClient.http(SETTINGS);

    assertThat(http.interceptors()).isNotEmpty().noneMatch(i -> i instanceof RetryHandler);
    assertThat(http.callTimeoutMillis()).isEqualTo(10_000);
  }

  @Test
  void theGraphUrlLosesItsTrailingSlashAndNamesItsHost() {
    assertThat(SETTINGS.graphUrl()).isEqualTo("http://127.0.0.1:8091/v1.0");
    assertThat(SETTINGS.graphHost()).isEqualTo("127.0.0.1");
  }

  private static ProviderFailure failure(Duration retryAfter) {
    return new ProviderFailure(
        "microsoft",
        ProviderFailure.Kind.RATE_LIMITED,
        429,
        "graph.test: 429",
        retryAfter,
        ProviderFailure.Budget.USER,
        null);
  }
}
