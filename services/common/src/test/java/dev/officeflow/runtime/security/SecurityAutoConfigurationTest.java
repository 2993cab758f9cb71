package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
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
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(ServiceCredentials.class)
                    .hasSingleBean(ServiceCredentialWebFilter.class));
  }

  @Test
  void theFirstConfiguredTokenIsSentAndEveryOneIsAccepted() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withPropertyValues("officeflow.security.service-tokens=current,previous")
        .run(
            context -> {
              ServiceCredentials credentials = context.getBean(ServiceCredentials.class);
              assertThat(credentials.authorizationHeader()).isEqualTo("Bearer current");
              assertThat(credentials.check(Optional.of("Bearer previous")))
                  .isEqualTo(ServiceCredentials.Verdict.SERVICE);
            });
  }

  @Test
  void aServiceWithoutAWebServerCanCallOthersButHasNoFilter() {
    new ApplicationContextRunner()
        .withConfiguration(SECURITY)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(ServiceCredentials.class)
                    .doesNotHaveBean(ServiceCredentialWebFilter.class));
  }

  @Test
  void withoutSpringWebNothingIsConfigured() {
    new ApplicationContextRunner()
        .withConfiguration(SECURITY)
        .withClassLoader(new FilteredClassLoader(WebFilter.class))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ServiceCredentials.class));
  }
}
