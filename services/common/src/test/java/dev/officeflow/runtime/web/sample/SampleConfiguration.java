package dev.officeflow.runtime.web.sample;

import dev.officeflow.runtime.security.ApiRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/** The sample's one feature: its controller, and a public route beside the JWT-guarded ones. */
@Configuration(proxyBeanMethods = false)
@Import(SampleController.class)
class SampleConfiguration {

  @Bean
  ApiRoutes sampleRoutes() {
    return exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/public/**").permitAll();
  }
}
