package dev.officeflow.runtime.consume.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
    try (ConfigurableApplicationContext unguarded =
        new SpringApplicationBuilder(UnguardedApp.class)
            .web(WebApplicationType.REACTIVE)
            .properties(IsolatedCatalog.springProperties(IsolatedCatalog.apply()))
            .properties(
                "officeflow.service.name=vespa-loader",
                "spring.autoconfigure.exclude="
                    + "dev.officeflow.runtime.security.SecurityAutoConfiguration",
                "server.port=0")
            .run()) {
      assertThat(unguarded.getBeanNamesForType(ConsumerControlAutoConfiguration.class)).isEmpty();
      WebTestClient.bindToServer()
          .baseUrl(
              "http://127.0.0.1:" + unguarded.getEnvironment().getProperty("local.server.port"))
          .build()
          .post()
          .uri("/internal/consumers/pause")
          .exchange()
          .expectStatus()
          .isNotFound();
      assertThat(unguarded.getBean(ConsumerRuntime.class).state()).isEqualTo(State.RUNNING);
    }
  }
}
