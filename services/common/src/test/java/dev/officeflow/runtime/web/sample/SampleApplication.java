package dev.officeflow.runtime.web.sample;

import dev.officeflow.runtime.OfficeflowService;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.runtime.testing.TestJwks;
import org.springframework.boot.WebApplicationType;

/** A service of the one shape, as small as it gets: one feature with one controller. */
@OfficeflowService
public class SampleApplication {

  /**
   * The sample as the shared web tests run it: user JWTs from {@code jwks}, {@code serviceToken} on
   * {@code /internal/**}, snake_case JSON (as the services have it) and no consumers.
   */
  public static ServiceUnderTest start(TestJwks jwks, String serviceToken) {
    return ServiceUnderTest.of(SampleApplication.class)
        .web(WebApplicationType.REACTIVE)
        .property("officeflow.service.name", "sample")
        .property("officeflow.consumer.enabled", false)
        .property("officeflow.security.callers.operator", serviceToken)
        .property("officeflow.security.user-jwt.jwk-set-uri", jwks.uri())
        .property("spring.jackson.property-naming-strategy", "SNAKE_CASE")
        .property("management.endpoints.web.exposure.include", "health,prometheus")
        .start();
  }
}
