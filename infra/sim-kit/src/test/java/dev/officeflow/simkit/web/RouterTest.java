package dev.officeflow.simkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RouterTest {

  /** Writes what the router reports into the body, so each test can see which hook ran. */
  private static final ErrorStyle RECORDING =
      new ErrorStyle() {
        @Override
        public SimResponse notFound(SimRequest r) {
          return SimResponse.text(404, "notFound " + r.path());
        }

        @Override
        public SimResponse badRequest(SimRequest r, String message, @Nullable String parameter) {
          return SimResponse.text(400, "badRequest " + message + " " + parameter);
        }

        @Override
        public SimResponse internal(SimRequest r, Exception e) {
          return SimResponse.text(500, "internal " + e.getMessage());
        }
      };

  private final Router router = new Router(RECORDING);

  private static SimRequest get(String path) {
    return new SimRequest("GET", path, Params.EMPTY, Map.of(), new byte[0]);
  }

  private static String text(SimResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void theLongestMatchingPrefixServesTheRequest() {
    router.add("/v1.0", r -> SimResponse.text(200, "short"));
    router.add("/v1.0/me/messages", r -> SimResponse.text(200, "long"));

    assertThat(text(router.dispatch(get("/v1.0/me/messages/abc")))).isEqualTo("long");
    assertThat(text(router.dispatch(get("/v1.0/me")))).isEqualTo("short");
  }

  @Test
  void aPrefixMatchesWholeSegmentsOnly() {
    router.add("/v1.0/me", r -> SimResponse.text(200, "me"));

    SimResponse response = router.dispatch(get("/v1.0/messages"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(text(response)).isEqualTo("notFound /v1.0/messages");
  }

  @Test
  void aBadRequestFromAHandlerIsAnsweredInTheErrorStyleWithItsParameter() {
    router.add(
        "/x",
        r -> {
          throw new BadRequestException("Invalid $top", "$top");
        });

    SimResponse response = router.dispatch(get("/x"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(text(response)).isEqualTo("badRequest Invalid $top $top");
  }

  @Test
  void anyOtherExceptionBecomesTheStylesInternalError() {
    router.add(
        "/x",
        r -> {
          throw new IllegalStateException("boom");
        });

    SimResponse response = router.dispatch(get("/x"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(text(response)).isEqualTo("internal boom");
  }

  @Test
  void anUnreadableJsonBodyIsABadRequest() {
    router.add("/x", r -> SimResponse.ok(r.json()));
    SimRequest broken =
        new SimRequest(
            "POST",
            "/x",
            Params.EMPTY,
            Map.of("Content-Type", List.of("application/json")),
            "{not json".getBytes(StandardCharsets.UTF_8));

    SimResponse response = router.dispatch(broken);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.delay()).isEqualTo(Duration.ZERO);
  }
}
