package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.server.WebFilter;

/** Service credentials in every service; the filter that checks them only in a web service. */
class SecurityAutoConfigurationTest {

  private static final AutoConfigurations SECURITY =
      AutoConfigurations.of(SecurityAutoConfiguration.class);

  @Test
  void aReactiveWebServiceGuardsItsInternalRoutes() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withBean(Clock.class, Clock::systemUTC)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(ServiceCredentials.class)
                    .hasSingleBean(ServiceCredentialWebFilter.class));
  }

  @Test
  void theConfiguredCredentialIsSent() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withBean(Clock.class, Clock::systemUTC)
        .withPropertyValues("officeflow.security.credential=mine")
        .run(
            context ->
                assertThat(context.getBean(ServiceCredentials.class).authorization().block())
                    .isEqualTo("Bearer mine"));
  }

  @Test
  void withoutACredentialCallingOthersFailsSayingWhatToSet() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withBean(Clock.class, Clock::systemUTC)
        .run(
            context ->
                assertThatThrownBy(
                        () -> context.getBean(ServiceCredentials.class).authorization().block())
                    .hasMessageContaining("officeflow.security.credential"));
  }

  @Test
  void aServiceWithoutAWebServerCanCallOthersButHasNoFilter() {
    new ApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withBean(Clock.class, Clock::systemUTC)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(ServiceCredentials.class)
                    .doesNotHaveBean(ServiceCredentialWebFilter.class));
  }

  @Test
  void withoutSpringWebAServiceStillHasItsCredentialsButNoFilter() {
    new ApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withBean(Clock.class, Clock::systemUTC)
        .withClassLoader(new FilteredClassLoader(WebFilter.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(ServiceCredentials.class)
                    .doesNotHaveBean(ServiceCredentialWebFilter.class));
  }
}
