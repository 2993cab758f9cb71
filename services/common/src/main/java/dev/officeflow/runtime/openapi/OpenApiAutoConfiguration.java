package dev.officeflow.runtime.openapi;

import dev.officeflow.runtime.config.RuntimeAutoConfiguration;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.security.WebSecurityAutoConfiguration;
import io.swagger.v3.core.converter.ModelConverter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The shared parts of a reactive web service's OpenAPI document, where the service has springdoc
 * ({@code org.springdoc:springdoc-openapi-starter-webflux-api}, SERVICES.md "API documents").
 */
@AutoConfiguration(after = {RuntimeAutoConfiguration.class, WebSecurityAutoConfiguration.class})
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class OpenApiAutoConfiguration {

  private static final String NAMING_STRATEGY = "spring.jackson.property-naming-strategy";

  @Bean
  OpenApiCustomizer sharedOpenApiDocument(RuntimeProperties runtime, ListableBeanFactory beans) {
    boolean userJwts = beans.containsBean(WebSecurityAutoConfiguration.USER_CHAIN);
    return new SharedDocument(runtime.service().name(), runtime.service().version(), userJwts);
  }

  @Bean
  OperationCustomizer problemResponses() {
    return new ProblemResponses();
  }

  @Bean
  @ConditionalOnProperty(NAMING_STRATEGY)
  ModelConverter namingStrategyModelConverter(
      Environment environment, ObjectProvider<SpringDocConfigProperties> springdoc) {
    boolean openapi31 = springdoc.getIfAvailable(SpringDocConfigProperties::new).isOpenapi31();
    return NamingStrategies.modelConverter(
        environment.getRequiredProperty(NAMING_STRATEGY), openapi31);
  }
}
