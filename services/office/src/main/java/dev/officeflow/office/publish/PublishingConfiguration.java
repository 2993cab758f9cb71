package dev.officeflow.office.publish;

import com.google.cloud.spring.pubsub.core.publisher.PublisherCustomizer;
import dev.officeflow.runtime.publish.BatchedPublishers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The office service's publishers batch (services-common's {@link BatchedPublishers}): a backfill
 * step publishes up to 100 events at once.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

  @Bean
  PublisherCustomizer batchedPublishers() {
    return BatchedPublishers.customizer();
  }
}
