package dev.officeflow.runtime.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/** Problem details as the only error shape of every reactive web service (SERVICES.md "Errors"). */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ResponseEntityExceptionHandler.class, ErrorWebExceptionHandler.class})
public class ProblemAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProblemAdvice problemAdvice() {
    return new ProblemAdvice();
  }

  @Bean
  @ConditionalOnMissingBean(ErrorWebExceptionHandler.class)
  ProblemErrorHandler problemErrorHandler() {
    return new ProblemErrorHandler();
  }

  /** The standard members flat and the extra ones beside them, also through a service's mapper. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JsonMapperBuilderCustomizer.class)
  static class Json {

    @Bean
    JsonMapperBuilderCustomizer problemDetailMixin() {
      return builder -> builder.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }
  }
}
