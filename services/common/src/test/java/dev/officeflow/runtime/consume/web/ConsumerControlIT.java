package dev.officeflow.runtime.consume.web;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /internal/consumers} in a reactive service on a real port, consuming the emulator. */
@IntegrationTest
class ConsumerControlIT {

  private static final String SERVICE_TOKEN = "consumer-control-test-token";
  private static final String USER_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Duration QUIET = Duration.ofSeconds(2);

  @SpringBootApplication
  static class ConsumingApp {
    @Bean
    RecordingHandler<EmailEvent> emails() {
      return RecordingHandler.accepting(EventType.EMAIL);
    }
  }

  private static String prefix;
  private static ServiceUnderTest service;
  private static ConfigurableApplicationContext context;
  private static WebTestClient http;

  @BeforeAll
  static void startService() {
    service =
        ServiceUnderTest.of(ConsumingApp.class)
            .web(WebApplicationType.REACTIVE)
            .property("officeflow.service.name", "vespa-loader")
            .property("officeflow.security.callers.operator", SERVICE_TOKEN)
            .start();
    prefix = service.prefix();
    context = service.context();
    http =
        WebTestClient.bindToServer().baseUrl(service.baseUrl()).responseTimeout(PATIENCE).build();
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @AfterEach
  void consumeAgain() {
    context.getBean(ConsumerRuntime.class).resume();
  }

  @Test
  void withoutACredentialTheControlAnswers401AndChangesNothing() {
    http.post().uri("/internal/consumers/pause").exchange().expectStatus().isUnauthorized();
    http.get().uri("/internal/consumers").exchange().expectStatus().isUnauthorized();

    assertThat(context.getBean(ConsumerRuntime.class).state()).isEqualTo(State.RUNNING);
  }

  @Test
  void aUserTokenIsForbidden() {
    http.post()
        .uri("/internal/consumers/pause")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + USER_JWT)
        .exchange()
        .expectStatus()
        .isForbidden();

    assertThat(context.getBean(ConsumerRuntime.class).state()).isEqualTo(State.RUNNING);
  }

  @Test
  void pathsSpelledDifferentlyDoNotGetPastTheGuard() {
    for (String path :
        new String[] {
          "/internal;x=1/consumers/pause",
          "/%69nternal/consumers/pause",
          "//internal/consumers/pause"
        }) {
      http.post()
          .uri(URI.create(service.baseUrl() + path))
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(path).isBetween(400, 499));
    }

    assertThat(context.getBean(ConsumerRuntime.class).state()).isEqualTo(State.RUNNING);
  }

  @Test
  void pauseAndResumeWithTheServiceCredentialStopAndRestartConsumption() {
    @SuppressWarnings("unchecked")
    RecordingHandler<EmailEvent> handler = context.getBean(RecordingHandler.class);

    Map<String, Object> paused = json(call(HttpMethod.POST, "/internal/consumers/pause"));
    assertThat(paused).containsEntry("state", "paused").containsEntry("in_flight", 0);
    assertThat(paused.get("subscriptions")).isEqualTo(List.of(subscription("terminated")));
    context.getBean(EventPublisher.class).publish(EventFixtures.emailEvent("u", "m-held")).join();
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> received(handler) == 0);
    assertThat(json(call(HttpMethod.GET, "/internal/consumers"))).isEqualTo(paused);

    Map<String, Object> resumed = json(call(HttpMethod.POST, "/internal/consumers/resume"));
    assertThat(resumed).containsEntry("state", "running");
    assertThat(resumed.get("subscriptions")).isEqualTo(List.of(subscription("running")));
    await().atMost(PATIENCE).until(() -> received(handler) == 1);
  }

  @Test
  void oneSubscriptionIsReadByItsName() {
    Map<String, Object> one =
        json(
            call(
                HttpMethod.GET,
                "/internal/consumers?subscription=" + prefix + "vespa-loader-emails"));
    assertThat(one.get("subscriptions")).isEqualTo(List.of(subscription("running")));
  }

  @Test
  void anUnknownSubscriptionIs400WithAProblemNamingTheKnownOnes() {
    WebTestClient.ResponseSpec unknown =
        call(HttpMethod.GET, "/internal/consumers?subscription=nope");
    unknown.expectStatus().isBadRequest();
    assertThat(problem(unknown))
        .containsEntry("code", "invalid_request")
        .containsEntry("status", 400)
        .extractingByKey("detail", as(InstanceOfAssertFactories.STRING))
        .contains("'nope'", prefix + "vespa-loader-emails");
  }

  @Test
  void anUnknownActionIs404AndAWrongMethod405WithAProblemThatSaysWhy() {
    WebTestClient.ResponseSpec unknown = call(HttpMethod.POST, "/internal/consumers/stop");
    unknown.expectStatus().isNotFound();
    assertThat(problem(unknown))
        .containsEntry("code", "not_found")
        .containsEntry("type", "urn:officeflow:problem:not_found")
        .containsEntry("instance", "/internal/consumers/stop")
        .extractingByKey("detail", as(InstanceOfAssertFactories.STRING))
        .contains("'stop'", "/pause", "/resume");
    WebTestClient.ResponseSpec read = call(HttpMethod.GET, "/internal/consumers/pause");
    read.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    read.expectHeader().valueEquals(HttpHeaders.ALLOW, "POST");
    assertThat(problem(read)).containsEntry("code", "method_not_allowed");
    call(HttpMethod.DELETE, "/internal/consumers")
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
        .expectHeader()
        .valueEquals(HttpHeaders.ALLOW, "GET");
  }

  /** The one subscription of the test service, as the control shows it. */
  private static Map<String, Object> subscription(String subscriber) {
    return Map.of(
        "subscription",
        prefix + "vespa-loader-emails",
        "topic",
        prefix + "emails",
        "subscriber",
        subscriber,
        "in_flight",
        0);
  }

  private static Map<String, Object> json(WebTestClient.ResponseSpec response) {
    return response
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  private static Map<String, Object> problem(WebTestClient.ResponseSpec response) {
    return response
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  private static long received(RecordingHandler<EmailEvent> handler) {
    return handler.calls().stream()
        .filter(call -> call.event().providerItemId().equals("m-held"))
        .peek(call -> assertThat(call.delivery().deliveryAttempt()).isEqualTo(1))
        .count();
  }

  private static WebTestClient.ResponseSpec call(HttpMethod method, String path) {
    Consumer<HttpHeaders> service = h -> h.setBearerAuth(SERVICE_TOKEN);
    return http.method(method).uri(path).headers(service).exchange();
  }
}
