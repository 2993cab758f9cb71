package dev.officeflow.notifier.feed;

import com.google.cloud.spring.core.GcpProjectIdProvider;
import com.google.cloud.spring.pubsub.PubSubAdmin;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.notifier.stream.UserStreams;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the notifier reads and how it becomes notifications. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSettings.class)
class FeedConfiguration {

  @Bean(destroyMethod = "close")
  Coalescer itemCounts(UserStreams streams, FeedSettings settings) {
    return new Coalescer("items", streams, settings.coalesceInterval());
  }

  @Bean(destroyMethod = "close")
  Coalescer candidateCounts(UserStreams streams, FeedSettings settings) {
    return new Coalescer("vip_candidates", streams, settings.coalesceInterval());
  }

  /** Off with the rest of the consumers ({@code officeflow.consumer.enabled=false}). */
  @Bean
  @ConditionalOnBooleanProperty(name = "officeflow.consumer.enabled", matchIfMissing = true)
  FeedSubscriptions feedSubscriptions(
      ConsumerRuntime runtime,
      PubSubAdmin admin,
      GcpProjectIdProvider projectId,
      RuntimeProperties runtimeProperties,
      FeedSettings settings,
      EventCodec codec,
      UserStreams streams,
      Coalescer itemCounts,
      Coalescer candidateCounts,
      MeterRegistry meters,
      Clock clock) {
    FeedTimings timings = new FeedTimings(meters, clock);
    String prefix = runtimeProperties.pubsub().prefix();
    return new FeedSubscriptions(
        runtime,
        admin,
        projectId.getProjectId(),
        prefix,
        settings,
        spec ->
            new FeedHandler(
                spec.name(),
                EventType.ofTopic(spec.topic().substring(prefix.length())).orElseThrow(),
                codec,
                streams,
                itemCounts,
                candidateCounts,
                timings));
  }
}
