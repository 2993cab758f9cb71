package dev.officeflow.runtime.consume.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.security.SecurityAutoConfiguration;
import dev.officeflow.runtime.testing.OfflineRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * {@code /internal/consumers} exists only where the service-credential filter guards it. The
 * unguarded case end to end, on a real port, is {@link UnguardedConsumerControlIT}.
 */
class ConsumerControlAutoConfigurationTest {

  private static final AutoConfigurations CONTROL =
      AutoConfigurations.of(ConsumerControlAutoConfiguration.class);

  @Test
  void aGuardedReactiveServiceServesTheControl() {
    new ReactiveWebApplicationContextRunner()
        .withInitializer(OfflineRuntime.lazily())
        .withConfiguration(OfflineRuntime.autoConfigurations())
        .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
        .withConfiguration(CONTROL)
        .withPropertyValues(OfflineRuntime.properties())
        .run(context -> assertThat(context).hasSingleBean(RouterFunction.class));
  }

  @Test
  void withoutTheServiceCredentialFilterTheRoutesAreNotRegistered() {
    new ReactiveWebApplicationContextRunner()
        .withInitializer(OfflineRuntime.lazily())
        .withConfiguration(OfflineRuntime.autoConfigurations())
        .withConfiguration(CONTROL)
        .withPropertyValues(OfflineRuntime.properties())
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(ConsumerControlAutoConfiguration.class)
                    .doesNotHaveBean(RouterFunction.class));
  }

  @Test
  void aServiceWithoutAWebServerHasNoRoutes() {
    new ApplicationContextRunner()
        .withInitializer(OfflineRuntime.lazily())
        .withConfiguration(OfflineRuntime.autoConfigurations())
        .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
        .withConfiguration(CONTROL)
        .withPropertyValues(OfflineRuntime.properties())
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
  }
}
