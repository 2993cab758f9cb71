package dev.officeflow.runtime.consume.web;

import dev.officeflow.runtime.config.RuntimeAutoConfiguration;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.security.SecurityAutoConfiguration;
import dev.officeflow.runtime.security.ServiceCredentialWebFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /internal/consumers} in every reactive web service that has a {@link ConsumerRuntime}.
 *
 * <p>Pausing a service's consumers is an operator's action, so the routes exist only where the
 * {@link ServiceCredentialWebFilter} guards {@code /internal/**}: without the filter they are not
 * registered at all rather than served to anyone who asks.
 */
@AutoConfiguration(after = {RuntimeAutoConfiguration.class, SecurityAutoConfiguration.class})
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean({ConsumerRuntime.class, ServiceCredentialWebFilter.class})
public class ConsumerControlAutoConfiguration {

  @Bean
  RouterFunction<ServerResponse> consumerControlRoutes(ConsumerRuntime runtime) {
    return new ConsumerControl(runtime).routes();
  }
}
