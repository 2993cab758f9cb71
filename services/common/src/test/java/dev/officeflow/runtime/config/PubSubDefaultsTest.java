package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PubSubDefaultsTest {

  private static final String BYTES =
      "spring.cloud.gcp.pubsub.subscriber.flow-control.max-outstanding-request-bytes";

  @Test
  void aServiceWithoutAByteBoundGetsSixteenMebibytesPerSubscription() {
    StandardEnvironment environment = new StandardEnvironment();

    new PubSubDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(BYTES)).isEqualTo("16777216");
    assertThat(
            environment.getProperty("spring.cloud.gcp.pubsub.subscriber.max-ack-extension-period"))
        .isEqualTo("3600");
  }

  @Test
  void theServicesOwnBoundWins() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("application.yml", Map.of(BYTES, "33554432")));

    new PubSubDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(BYTES)).isEqualTo("33554432");
  }
}
