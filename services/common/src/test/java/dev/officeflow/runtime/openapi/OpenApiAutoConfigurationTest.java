package dev.officeflow.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.config.RuntimeProperties;
import io.swagger.v3.core.converter.ModelConverter;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The shared document parts: for reactive web services with springdoc only. */
class OpenApiAutoConfigurationTest {

  /** What the runtime and springdoc would have declared. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RuntimeProperties.class)
  static class Given {}

  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
          .withUserConfiguration(Given.class);

  @Test
  void aReactiveWebServiceWithSpringdocGetsTheSharedParts() {
    runner.run(
        context ->
            assertThat(context)
                .hasSingleBean(OpenApiCustomizer.class)
                .hasSingleBean(OperationCustomizer.class)
                .doesNotHaveBean(ModelConverter.class));
  }

  @Test
  void aNamingStrategyNamesTheSchemasProperties() {
    runner
        .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
        .run(context -> assertThat(context).hasSingleBean(ModelConverter.class));
  }

  @Test
  void aNamingStrategySwaggerCannotFollowStopsTheServiceSayingWhy() {
    runner
        .withPropertyValues("spring.jackson.property-naming-strategy=com.example.Mine")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "spring.jackson.property-naming-strategy=com.example.Mine"));
  }

  @Test
  void withoutSpringdocNothingIsAdded() {
    runner
        .withClassLoader(new FilteredClassLoader(OpenApiCustomizer.class))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(OperationCustomizer.class));
  }

  @Test
  void aServiceWithoutAWebServerHasNoDocument() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
        .withUserConfiguration(Given.class)
        .run(
            context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenApiCustomizer.class));
  }
}
