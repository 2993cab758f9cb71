package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every internal route of the running services against every caller (ARCHITECTURE §8): the callers
 * a route names get through, every other known service gets 403, a user's token 403, an unknown
 * token and no token 401. A route no service declares is the operator's alone.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class InternalAccessSystemIT {

  /** The callers' development tokens (services-common's officeflow-local-defaults.yml). */
  private static final Map<String, String> SERVICE_CALLERS =
      Map.of(
          "operator", OfficeflowSystem.OPERATOR_TOKEN,
          "user", "local-dev-user-token",
          "office", OfficeflowSystem.OFFICE_TOKEN,
          "contacts", "local-dev-contacts-token",
          "vespa-loader", "local-dev-vespa-loader-token");

  /** One internal route and the callers it names. */
  record Route(
      String service, String method, String path, @Nullable String body, Set<String> callers) {
    @Override
    public String toString() {
      return service + " " + method + " " + path;
    }
  }

  /** One request: a route, a caller (a service's name, "a user", "a stranger" or "nobody"). */
  record Attempt(Route route, String caller) {
    @Override
    public String toString() {
      return route + " as " + caller;
    }
  }

  private static OfficeflowSystem system;
  private static String userJwt;

  @BeforeAll
  static void signIn(OfficeflowSystem running) {
    system = running;
    userJwt =
        new SystemClient(system).session("internal@system.test").path("access_token").asString();
  }

  static Stream<Route> routes() {
    Set<String> operator = Set.of("operator");
    return Stream.of(
        new Route(
            "user",
            "POST",
            "/internal/tokens/get",
            "{\"user_id\":\"nobody-here\",\"provider\":\"google\"}",
            Set.of("office")),
        new Route("office", "GET", "/internal/backfill?user_id=nobody-here", null, operator),
        new Route("office", "GET", "/internal/consumers", null, operator),
        new Route("contacts", "GET", "/internal/consumers", null, operator),
        new Route("vespa-loader", "GET", "/internal/consumers", null, operator),
        new Route("vespa-loader", "GET", "/internal/undeclared", null, operator));
  }

  static Stream<Attempt> attempts() {
    List<String> callers = new ArrayList<>(SERVICE_CALLERS.keySet());
    callers.addAll(List.of("a user", "a stranger", "nobody"));
    return routes().flatMap(route -> callers.stream().map(caller -> new Attempt(route, caller)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attempts")
  void onlyTheCallersARouteNamesGetThrough(Attempt attempt) {
    Route route = attempt.route();
    HttpResponse<String> response =
        Http.call(
            route.method(), app(route.service()).url(route.path()), route.body(), token(attempt));

    int status = response.statusCode();
    switch (attempt.caller()) {
      case "nobody", "a stranger" -> assertThat(status).as(response.body()).isEqualTo(401);
      case "a user" -> assertThat(status).as(response.body()).isEqualTo(403);
      default -> {
        if (route.callers().contains(attempt.caller())) {
          // Through the guard: whatever the route answers, but not a refusal of the caller.
          assertThat(status).as(response.body()).isNotIn(401, 403);
        } else {
          assertThat(status).as(response.body()).isEqualTo(403);
          assertThat(Http.json(response).path("detail").asString())
              .contains(attempt.caller() + " may not call");
        }
      }
    }
  }

  private static @Nullable String token(Attempt attempt) {
    return switch (attempt.caller()) {
      case "nobody" -> null;
      case "a stranger" -> "not-a-token-any-service-knows";
      case "a user" -> userJwt;
      default -> SERVICE_CALLERS.get(attempt.caller());
    };
  }

  private static AppProcess app(String service) {
    return switch (service) {
      case "user" -> system.user();
      case "office" -> system.office();
      case "contacts" -> system.contacts();
      case "vespa-loader" -> system.vespaLoader();
      default -> throw new IllegalArgumentException(service);
    };
  }
}
