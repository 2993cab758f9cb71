package dev.officeflow.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import com.google.pubsub.v1.PullRequest;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.forget.ForgottenUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class DeadLetterAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DeadLetterAutoConfiguration.class))
          .withUserConfiguration(Service.class)
          .withPropertyValues("officeflow.service.name=contacts", "officeflow.pubsub.prefix=p-");

  /** A service's own beans: a forgotten-users record and Pub/Sub that is not there. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RuntimeProperties.class)
  static class Service {
    @Bean
    ForgottenUsers forgottenUsers() {
      return new InMemoryForgottenUsers();
    }

    @Bean
    SubscriberFactory subscriberFactory() {
      return new NoPubSub();
    }
  }

  @Test
  void forgettingAUserStartsThePurgeOfTheServicesOwnDeadLetterSubscriptions() {
    runner.run(
        context -> {
          DeadLetterUserPurger purger = context.getBean(DeadLetterUserPurger.class);
          ForgottenUsers forgotten = context.getBean(ForgottenUsers.class);

          forgotten.forget("u1").block();

          assertThat(forgotten.isForgotten("u1").block()).isTrue();
          assertThat(purger.pending()).containsExactly("u1");
          assertThat(purger.subscriptions())
              .containsExactly(
                  "p-contacts-integrations-dead-letter",
                  "p-contacts-users-dead-letter",
                  "p-contacts-emails-dead-letter",
                  "p-contacts-calendars-dead-letter",
                  "p-contacts-progress-dead-letter");
        });
  }

  @Test
  void aServiceThatConsumesNothingHasNothingToPurge() {
    runner
        .withPropertyValues("officeflow.service.name=frontend")
        .run(
            context -> {
              context.getBean(ForgottenUsers.class).forget("u1").block();

              assertThat(context.getBean(DeadLetterUserPurger.class).pending()).isEmpty();
            });
  }

  @Test
  void turnedOffItLeavesTheRecordAsItIs() {
    runner
        .withPropertyValues("officeflow.dead-letters.purge.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(DeadLetterUserPurger.class);
              assertThat(context.getBean(ForgottenUsers.class))
                  .isInstanceOf(InMemoryForgottenUsers.class);
            });
  }

  @Test
  void aFailedPassWaitsLongerEachTimeUpToTheMaximum() {
    DeadLetterPurgeSettings settings = DeadLetterPurgeSettings.DEFAULTS;

    assertThat(settings.backoff(1)).hasSeconds(1);
    assertThat(settings.backoff(2)).hasSeconds(2);
    assertThat(settings.backoff(5)).hasSeconds(16);
    assertThat(settings.backoff(40)).isEqualTo(settings.maxBackoff());
  }

  /** Every call fails, as Pub/Sub would while unreachable. */
  static final class NoPubSub implements SubscriberFactory {
    @Override
    public String getProjectId() {
      return "test-project";
    }

    @Override
    public Subscriber createSubscriber(String subscription, MessageReceiver receiver) {
      throw new IllegalStateException("no Pub/Sub in this test");
    }

    @Override
    public PullRequest createPullRequest(
        String subscription, Integer maxMessages, Boolean returnImmediately) {
      throw new IllegalStateException("no Pub/Sub in this test");
    }

    @Override
    public SubscriberStub createSubscriberStub(String subscription) {
      throw new IllegalStateException("no Pub/Sub in this test");
    }
  }
}
