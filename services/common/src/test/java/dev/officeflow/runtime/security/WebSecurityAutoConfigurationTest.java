package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The shared security chains: for services with Spring Security only, and what they let through.
 */
class WebSecurityAutoConfigurationTest {

  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WebSecurityAutoConfiguration.class,
                  WebFluxAutoConfiguration.class,
                  HttpHandlerAutoConfiguration.class))
          .withPropertyValues("officeflow.security.user-jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void aServiceWithSpringSecurityGetsTheInternalAndTheUserChain() {
    runner.run(
        context -> {
          assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
              .containsOnlyKeys("internalSecurityChain", "userSecurityChain");
          assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
        });
  }

  @Test
  void aServiceWithoutSpringSecurityGetsNoChainAtAll() {
    runner
        .withClassLoader(new FilteredClassLoader(ServerHttpSecurity.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(SecurityWebFilterChain.class)
                    .doesNotHaveBean(ReactiveJwtDecoder.class));
  }

  @Test
  void aDecoderOfTheServiceReplacesTheKeySetDecoder() {
    ReactiveJwtDecoder own = token -> Mono.error(new IllegalStateException("not in this test"));

    runner
        .withBean("ownDecoder", ReactiveJwtDecoder.class, () -> own)
        .run(context -> assertThat(context).getBean(ReactiveJwtDecoder.class).isSameAs(own));
  }

  @Test
  void theOpenApiDocumentHealthAndMetricsNeedNoToken() {
    runner.run(
        http(
            client -> {
              for (String path :
                  new String[] {
                    "/v3/api-docs", "/v3/api-docs/swagger-config", "/actuator/health"
                  }) {
                client.get().uri(path).exchange().expectStatus().isNotFound();
              }
            }));
  }

  @Test
  void everythingElseNeedsAUserToken() {
    runner.run(
        http(
            client -> {
              client.get().uri("/v1/anything").exchange().expectStatus().isUnauthorized();
              client.post().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
            }));
  }

  @Test
  void aServicesApiRoutesOpenItsPublicPaths() {
    runner
        .withBean(
            ApiRoutes.class, () -> exchanges -> exchanges.pathMatchers("/public/**").permitAll())
        .run(
            http(
                client -> client.get().uri("/public/page").exchange().expectStatus().isNotFound()));
  }

  /** Requests through the context's web handler: 404 means the chains let it through. */
  private static org.springframework.boot.test.context.runner.ContextConsumer<
          AssertableReactiveWebApplicationContext>
      http(Consumer<WebTestClient> requests) {
    return context -> requests.accept(WebTestClient.bindToApplicationContext(context).build());
  }
}
