package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerSettings;
import dev.officeflow.runtime.payload.InMemoryPayloadStore;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadStore;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.OfflineRuntime;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What {@link RuntimeAutoConfiguration} declares, and which of its beans a service may replace. */
class RuntimeAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withInitializer(OfflineRuntime.lazily())
          .withConfiguration(OfflineRuntime.autoConfigurations())
          .withPropertyValues(OfflineRuntime.properties());

  @Test
  void aServiceGetsThePublisherTheConsumerRuntimeAndPayloadPointers() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .hasSingleBean(EventPublisher.class)
                .hasSingleBean(ConsumerRuntime.class)
                .hasSingleBean(PayloadPointers.class)
                .doesNotHaveBean(HandlerLifecycle.class));
  }

  @Test
  void theConsumersLimitsAndOutageBackoffComeFromOfficeflowConsumerProperties() {
    runner
        .withPropertyValues(
            "officeflow.consumer.max-message-size=2MB",
            "officeflow.consumer.in-flight-bytes=8MB",
            "officeflow.consumer.outage-backoff=1s",
            "officeflow.consumer.outage-max-backoff=20s")
        .run(
            context ->
                assertThat(context.getBean(RuntimeProperties.class).consumer().settings())
                    .isEqualTo(
                        new ConsumerSettings(
                            Duration.ofSeconds(30),
                            2 * 1024 * 1024,
                            8L * 1024 * 1024,
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(20))));
  }

  @Test
  void byDefaultAConsumerRefusesBodiesAboveOneMebibyte() {
    runner.run(
        context ->
            assertThat(context.getBean(RuntimeProperties.class).consumer().settings())
                .isEqualTo(ConsumerSettings.DEFAULTS)
                .extracting(ConsumerSettings::maxMessageBytes)
                .isEqualTo(1024 * 1024));
  }

  @Test
  void theClockIsTheSystemClockInUtc() {
    runner.run(context -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
  }

  @Test
  void aClockOfTheServiceReplacesTheSystemClock() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    runner
        .withBean("testClock", Clock.class, () -> fixed)
        .run(context -> assertThat(context).getBean(Clock.class).isSameAs(fixed));
  }

  @Test
  void theProcessHasOneRedisClientAndAPayloadStoreInRedis() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(RedisClient.class).hasSingleBean(PayloadStore.class);
          assertThat(context.getBeanNamesForType(RedisPayloadStore.class)).hasSize(1);
        });
  }

  @Test
  void aRedisClientOfTheServiceIsTheOneEveryRedisUserShares() {
    RedisClient own = RedisClient.create("redis://127.0.0.1:9");

    runner
        .withBean("ownRedis", RedisClient.class, () -> own)
        .run(context -> assertThat(context).getBean(RedisClient.class).isSameAs(own));
    own.shutdown();
  }

  @Test
  void aPayloadStoreOfTheServiceReplacesTheRedisOne() {
    InMemoryPayloadStore own = new InMemoryPayloadStore();

    runner
        .withBean("ownStore", PayloadStore.class, () -> own)
        .run(
            context -> {
              assertThat(context).getBean(PayloadStore.class).isSameAs(own);
              assertThat(context).doesNotHaveBean(RedisPayloadStore.class);
            });
  }

  @Test
  void handlersStartWithTheApplicationWhenConsumersAreOn() {
    runner
        .withPropertyValues("officeflow.consumer.enabled=true")
        .withBean("ownStore", PayloadStore.class, InMemoryPayloadStore::new)
        .run(context -> assertThat(context).hasSingleBean(HandlerLifecycle.class));
  }
}
