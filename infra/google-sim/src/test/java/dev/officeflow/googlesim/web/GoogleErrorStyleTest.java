package dev.officeflow.googlesim.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GoogleErrorStyleTest {

  private final Router router = new Router(GoogleErrors.STYLE);

  private static JsonNode error(SimResponse response) {
    return Json.MAPPER.readTree(response.body()).get("error");
  }

  private static SimRequest get(String path) {
    return new SimRequest("GET", path, Params.EMPTY, Map.of(), new byte[0]);
  }

  @Test
  void anUnknownGmailPathIsGmailsNotFoundWithErrorsAndStatus() {
    JsonNode error = error(router.dispatch(get("/gmail/v1/users/me/nothing")));

    assertThat(error.get("code").asInt()).isEqualTo(404);
    assertThat(error.get("status").asString()).isEqualTo("NOT_FOUND");
    assertThat(error.get("errors").get(0).get("reason").asString()).isEqualTo("notFound");
  }

  @Test
  void anUnknownCalendarPathIsCalendarsNotFoundWithoutAStatus() {
    JsonNode error = error(router.dispatch(get("/calendar/v3/nothing")));

    assertThat(error.get("message").asString()).isEqualTo("Not Found");
    assertThat(error.has("status")).isFalse();
  }

  @Test
  void aBadPeopleRequestIsTheNewerStyleWithoutAnErrorsList() {
    router.add(
        "/v1/people",
        r -> {
          throw new BadRequestException("Invalid pageSize", "pageSize");
        });

    SimResponse response = router.dispatch(get("/v1/people/me/connections"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(error(response).get("status").asString()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error(response).has("errors")).isFalse();
  }

  @Test
  void aFailingHandlerIsGooglesBackendError() {
    router.add(
        "/gmail/v1",
        r -> {
          throw new IllegalStateException("boom");
        });

    SimResponse response = router.dispatch(get("/gmail/v1/users/me/profile"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(error(response).get("errors").get(0).get("reason").asString())
        .isEqualTo("backendError");
  }
}
