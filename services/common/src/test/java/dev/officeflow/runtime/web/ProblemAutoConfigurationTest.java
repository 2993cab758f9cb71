package dev.officeflow.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;

/** Where {@link ProblemAutoConfiguration} makes problems the only error shape, and where not. */
class ProblemAutoConfigurationTest {

  private static final AutoConfigurations WEB =
      AutoConfigurations.of(
          ProblemAutoConfiguration.class,
          WebFluxAutoConfiguration.class,
          ErrorWebFluxAutoConfiguration.class);

  @Test
  void aReactiveWebServiceGetsTheAdviceAndTheLastResortHandler() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(WEB)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(ProblemAdvice.class)
                    .hasSingleBean(ErrorWebExceptionHandler.class)
                    .getBean(ErrorWebExceptionHandler.class)
                    .isInstanceOf(ProblemErrorHandler.class));
  }

  @Test
  void bootsDefaultErrorPageBacksOff() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(WEB)
        .run(context -> assertThat(context).doesNotHaveBean(DefaultErrorWebExceptionHandler.class));
  }

  @Test
  void withoutTheSharedHandlerBootsErrorPageWouldAnswer() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class))
        .run(context -> assertThat(context).hasSingleBean(DefaultErrorWebExceptionHandler.class));
  }

  @Test
  void problemsKeepTheirStandardMembersInTheServicesJsonMapper() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(WEB)
        .run(context -> assertThat(context).hasSingleBean(JsonMapperBuilderCustomizer.class));
  }

  @Test
  void aServiceWithoutAWebServerGetsNeither() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProblemAutoConfiguration.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(ProblemAdvice.class)
                    .doesNotHaveBean(ProblemErrorHandler.class));
  }
}
