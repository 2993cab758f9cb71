package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.spring.pubsub.core.PubSubTemplate;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application gets the runtime by depending on services-common, nothing else. */
@IntegrationTest
class RuntimeAutoConfigurationIT {

  @SpringBootApplication
  static class VespaLoaderLikeApp {
    @Bean
    RecordingHandler<EmailEvent> emails() {
      return RecordingHandler.accepting(EventType.EMAIL);
    }
  }

  @Test
  void handlerBeanConsumesWhatThePublisherBeanPublishesOnTheCatalogTopic() {
    String prefix = IsolatedCatalog.apply();
    try (ServiceUnderTest app = start(prefix)) {
      ConfigurableApplicationContext context = app.context();
      @SuppressWarnings("unchecked")
      RecordingHandler<EmailEvent> handler = context.getBean(RecordingHandler.class);

      context.getBean(EventPublisher.class).publish(EventFixtures.emailEvent("u", "m1")).join();

      await().atMost(Duration.ofSeconds(60)).until(() -> handler.calls().size() == 1);
      assertThat(handler.calls().get(0).delivery().subscription())
          .isEqualTo(prefix + "vespa-loader-emails");
      assertThat(context.getBeansOfType(EventHandler.class)).hasSize(1);
    }
  }

  @Test
  void withActuatorTheRuntimeReportsRedisHealthAndCountsSettledDeliveries() {
    String prefix = IsolatedCatalog.apply();
    try (ServiceUnderTest app = start(prefix)) {
      ConfigurableApplicationContext context = app.context();
      ReactiveHealthContributor redis =
          context.getBean(ReactiveHealthContributorRegistry.class).getContributor("payloadStore");
      assertThat(redis).isInstanceOf(ReactiveHealthIndicator.class);
      assertThat(((ReactiveHealthIndicator) redis).health().block().getStatus())
          .isEqualTo(Status.UP);

      context.getBean(EventPublisher.class).publish(EventFixtures.emailEvent("u", "m1")).join();

      MeterRegistry meters = context.getBean(MeterRegistry.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  meters
                          .find("officeflow.consumer.messages")
                          .tag("subscription", prefix + "vespa-loader-emails")
                          .tag("outcome", "done")
                          .counter()
                      != null);
    }
  }

  @Test
  void aBodyNearPubSubsTenMegabyteLimitIsDeadLetteredAndTheStreamKeepsFlowing() {
    String prefix = IsolatedCatalog.apply();
    try (ServiceUnderTest app = start(prefix)) {
      ConfigurableApplicationContext context = app.context();
      @SuppressWarnings("unchecked")
      RecordingHandler<EmailEvent> handler = context.getBean(RecordingHandler.class);
      byte[] nineMegabytes = new byte[9 * 1024 * 1024];
      Arrays.fill(nineMegabytes, (byte) '[');

      context
          .getBean(PubSubTemplate.class)
          .publish(
              prefix + Topics.EMAILS,
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFrom(nineMegabytes))
                  .putAttributes(EventAttributes.TYPE, EventType.EMAIL.ceType())
                  .build())
          .join();
      context.getBean(EventPublisher.class).publish(EventFixtures.emailEvent("u", "m2")).join();

      await().atMost(Duration.ofSeconds(60)).until(() -> handler.calls().size() == 1);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  meters
                          .find("officeflow.consumer.messages")
                          .tag("subscription", prefix + "vespa-loader-emails")
                          .tag("outcome", "dead_letter")
                          .counter()
                      != null);
      // Counted once the dead letter's publish is confirmed, after the delivery was settled.
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          meters
                              .get("officeflow.dead.letters")
                              .tag("subscription", prefix + "vespa-loader-emails")
                              .tag("reason", "too_large")
                              .counter()
                              .count())
                      .isEqualTo(1.0));
    }
  }

  /** The app as vespa-loader, on the catalog under {@code prefix}. */
  private static ServiceUnderTest start(String prefix) {
    return ServiceUnderTest.of(VespaLoaderLikeApp.class)
        .web(WebApplicationType.NONE)
        .catalog(prefix)
        .property("officeflow.service.name", "vespa-loader")
        .start();
  }
}
