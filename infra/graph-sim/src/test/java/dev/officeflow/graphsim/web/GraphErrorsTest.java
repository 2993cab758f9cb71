package dev.officeflow.graphsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import dev.officeflow.testsupport.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphErrorsTest {

  private final GraphErrors errors = new GraphErrors(MutableClock.at("2026-11-20T12:00:00Z"));

  @Test
  void anUnknownSegmentUnderTheVersionIsGraphs400() {
    SimResponse response = errors.notFound(get("/v1.0/people/x"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(error(response).path("message").asString())
        .isEqualTo("Resource not found for the segment 'people'.");
  }

  @Test
  void aGraphExceptionKeepsItsStatusAndCode() {
    SimResponse response =
        errors.internal(
            get("/v1.0/me/messages/x"),
            new GraphException(410, "syncStateNotFound", "The sync state is gone."));

    assertThat(response.status()).isEqualTo(410);
    assertThat(error(response).path("code").asString()).isEqualTo("syncStateNotFound");
  }

  @Test
  void anyOtherExceptionIsAGeneral500() {
    SimResponse response = errors.internal(get("/v1.0/me"), new IllegalStateException("bug"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(error(response).path("code").asString()).isEqualTo("generalException");
    assertThat(error(response).path("message").asString()).doesNotContain("bug");
  }

  @Test
  void aBadRequestIsBadRequest() {
    SimResponse response = errors.badRequest(get("/v1.0/me"), "Invalid $top.", "$top");

    assertThat(response.status()).isEqualTo(400);
    assertThat(error(response).path("code").asString()).isEqualTo("BadRequest");
    assertThat(response.headers()).containsKey("request-id");
  }

  private static SimRequest get(String path) {
    return new SimRequest("GET", path, Params.EMPTY, Map.of(), new byte[0]);
  }

  private static JsonNode error(SimResponse response) {
    return Json.MAPPER.readTree(response.body()).path("error");
  }
}
