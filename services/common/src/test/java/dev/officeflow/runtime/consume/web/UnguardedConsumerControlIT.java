package dev.officeflow.runtime.consume.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A reactive service without the service-credential filter gets no {@code /internal/consumers}. Its
 * own class: closing a second reactive application in the same JVM disposes Reactor Netty's shared
 * resources under the first one.
 */
@IntegrationTest
class UnguardedConsumerControlIT {

  @SpringBootApplication
  static class UnguardedApp {}

  @Test
  void withoutTheServiceCredentialGuardTheControlIsNotRegistered() {
    try (ServiceUnderTest unguarded =
        ServiceUnderTest.of(UnguardedApp.class)
            .web(WebApplicationType.REACTIVE)
            .property("officeflow.service.name", "vespa-loader")
            .property(
                "spring.autoconfigure.exclude",
                "dev.officeflow.runtime.security.SecurityAutoConfiguration")
            .start()) {
      assertThat(unguarded.context().getBeanNamesForType(ConsumerControlAutoConfiguration.class))
          .isEmpty();
      WebTestClient.bindToServer()
          .baseUrl(unguarded.baseUrl())
          .build()
          .post()
          .uri("/internal/consumers/pause")
          .exchange()
          .expectStatus()
          .isNotFound();
      assertThat(unguarded.bean(ConsumerRuntime.class).state()).isEqualTo(State.RUNNING);
    }
  }
}
