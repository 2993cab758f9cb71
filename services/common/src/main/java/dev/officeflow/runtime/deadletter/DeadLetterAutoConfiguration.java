package dev.officeflow.runtime.deadletter;

import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubAutoConfiguration;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.runtime.config.RuntimeAutoConfiguration;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Purges a forgotten user's dead letters in every service that consumes: the purger over the
 * service's dead-letter subscriptions (from the catalog, {@code officeflow.service.name} and the
 * prefix), and a post-processor that wraps the service's {@link ForgottenUsers} so that {@code
 * forget} starts it. {@code officeflow.dead-letters.purge.enabled=false} turns both off.
 */
@AutoConfiguration(after = {RuntimeAutoConfiguration.class, GcpPubSubAutoConfiguration.class})
@ConditionalOnClass(SubscriberFactory.class)
@ConditionalOnBooleanProperty(name = "officeflow.dead-letters.purge.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeadLetterPurgeSettings.class)
public class DeadLetterAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnBean(SubscriberFactory.class)
  @ConditionalOnMissingBean
  DeadLetterUserPurger deadLetterUserPurger(
      SubscriberFactory subscribers, RuntimeProperties runtime, DeadLetterPurgeSettings settings) {
    List<String> subscriptions =
        Catalog.subscriptionsOf(runtime.service().name()).stream()
            .map(spec -> runtime.pubsub().prefix() + spec.deadLetterSubscription())
            .toList();
    return new DeadLetterUserPurger(subscribers, subscriptions, settings);
  }

  /**
   * Static, as a post-processor must be, and given the purger lazily: it is created before the
   * beans it wraps.
   */
  @Bean
  static BeanPostProcessor purgeDeadLettersOnForget(ObjectProvider<DeadLetterUserPurger> purger) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof ForgottenUsers users && !(bean instanceof PurgingForgottenUsers)
            ? new PurgingForgottenUsers(users, purger)
            : bean;
      }
    };
  }
}
