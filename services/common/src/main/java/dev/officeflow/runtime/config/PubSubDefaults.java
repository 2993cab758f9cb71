package dev.officeflow.runtime.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service's Pub/Sub subscribers hold at most, written once, below everything a service
 * configures (any of these keys in its {@code application.yml} wins):
 *
 * <ul>
 *   <li>{@code ...subscriber.flow-control.max-outstanding-request-bytes}: 16 MiB in flight per
 *       subscription. Without it the client allows 100 MiB per subscriber, and a service with six
 *       subscriptions could hold 600 MB of hostile multi-megabyte messages. The process-wide budget
 *       of what is decoded at once is the runtime's ({@code officeflow.consumer.in-flight-bytes}).
 *   <li>{@code ...subscriber.max-ack-extension-period}: 3600 s. The client keeps extending the
 *       deadline of a message it holds for this long, so a subscription paused by an outage holds
 *       its messages through an hour without a redelivery counting towards the dead-letter topic.
 *       One hour is the client's own default today; spring-cloud-gcp once defaulted to 0 (no
 *       extension at all), so it is pinned here.
 * </ul>
 */
public final class PubSubDefaults implements EnvironmentPostProcessor {

  static final String NAME = "officeflowPubSubDefaults";

  static final Map<String, Object> DEFAULTS =
      Map.of(
          "spring.cloud.gcp.pubsub.subscriber.flow-control.max-outstanding-request-bytes",
          "16777216",
          "spring.cloud.gcp.pubsub.subscriber.max-ack-extension-period",
          "3600");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
  }
}
