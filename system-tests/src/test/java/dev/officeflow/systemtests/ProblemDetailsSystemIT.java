package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * One error vocabulary on every service (issue 16): a request that fails validation, one without a
 * credential and one for something that does not exist each answer an RFC 9457 problem with its
 * stable code, from the running services as their clients meet them.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class ProblemDetailsSystemIT {

  /** Who the request is sent as. */
  enum Caller {
    NOBODY,
    OPERATOR,
    OFFICE,
    USER
  }

  /** One refused request and the problem it must answer. */
  record Refusal(
      String service,
      String kind,
      String method,
      String path,
      @Nullable String body,
      Caller caller,
      int status,
      String code) {

    @Override
    public String toString() {
      return service + ": " + kind + " (" + method + " " + path + ")";
    }
  }

  private static OfficeflowSystem system;
  private static String userJwt;

  @BeforeAll
  static void signIn(OfficeflowSystem running) {
    system = running;
    userJwt =
        new SystemClient(system).session("problems@system.test").path("access_token").asString();
  }

  static Stream<Refusal> refusals() {
    String unknownJob = "/internal/backfill/" + UUID.randomUUID();
    return Stream.of(
        new Refusal(
            "user",
            "validation",
            "POST",
            "/internal/tokens/get",
            "{\"user_id\":\"\"}",
            Caller.OFFICE,
            400,
            "invalid_request"),
        new Refusal(
            "user", "no credential", "GET", "/v1/me", null, Caller.NOBODY, 401, "unauthorized"),
        new Refusal(
            "user", "missing", "GET", "/v1/nothing-here", null, Caller.USER, 404, "not_found"),
        new Refusal(
            "office",
            "validation",
            "POST",
            "/internal/backfill/start",
            "{\"provider\":\"google\"}",
            Caller.OPERATOR,
            400,
            "invalid_request"),
        new Refusal(
            "office",
            "no credential",
            "GET",
            "/internal/backfill?user_id=u",
            null,
            Caller.NOBODY,
            401,
            "unauthorized"),
        new Refusal(
            "office", "missing", "GET", unknownJob, null, Caller.OPERATOR, 404, "not_found"),
        new Refusal(
            "contacts",
            "validation",
            "GET",
            "/onboarding/vips?limit=lots",
            null,
            Caller.USER,
            400,
            "invalid_limit"),
        new Refusal(
            "contacts",
            "no credential",
            "GET",
            "/onboarding/vips/status",
            null,
            Caller.NOBODY,
            401,
            "unauthorized"),
        new Refusal(
            "contacts",
            "missing",
            "GET",
            "/onboarding/nothing-here",
            null,
            Caller.USER,
            404,
            "not_found"),
        new Refusal(
            "vespa-loader",
            "validation",
            "GET",
            "/internal/consumers?subscription=nope",
            null,
            Caller.OPERATOR,
            400,
            "invalid_request"),
        new Refusal(
            "vespa-loader",
            "no credential",
            "GET",
            "/internal/consumers",
            null,
            Caller.NOBODY,
            401,
            "unauthorized"),
        new Refusal(
            "vespa-loader",
            "missing",
            "POST",
            "/internal/consumers/stop",
            null,
            Caller.OPERATOR,
            404,
            "not_found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void eachRefusalIsAProblemWithItsCode(Refusal refusal) {
    HttpResponse<String> response =
        Http.call(
            refusal.method(),
            app(refusal.service()).url(refusal.path()),
            refusal.body(),
            credential(refusal.caller()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(refusal.status());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = Http.json(response);
    assertThat(problem.path("code").asString()).as(response.body()).isEqualTo(refusal.code());
    assertThat(problem.path("type").asString())
        .isEqualTo("urn:officeflow:problem:" + refusal.code());
    assertThat(problem.path("status").asInt()).isEqualTo(refusal.status());
    assertThat(problem.path("detail").asString()).as(response.body()).isNotBlank();
    assertThat(problem.path("instance").asString()).isEqualTo(refusal.path().split("\\?")[0]);
  }

  private static AppProcess app(String service) {
    Function<OfficeflowSystem, AppProcess> app =
        switch (service) {
          case "user" -> OfficeflowSystem::user;
          case "office" -> OfficeflowSystem::office;
          case "contacts" -> OfficeflowSystem::contacts;
          case "vespa-loader" -> OfficeflowSystem::vespaLoader;
          default -> throw new IllegalArgumentException(service);
        };
    return app.apply(system);
  }

  private static @Nullable String credential(Caller caller) {
    return switch (caller) {
      case NOBODY -> null;
      case OPERATOR -> OfficeflowSystem.OPERATOR_TOKEN;
      case OFFICE -> OfficeflowSystem.OFFICE_TOKEN;
      case USER -> userJwt;
    };
  }
}
