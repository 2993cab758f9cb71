package dev.officeflow.runtime.web.sample;

import dev.officeflow.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Routes that succeed and fail in each way the shared error vocabulary covers. */
@RestController
public class SampleController {

  /** What the sample reads from a request body. */
  public record Greeting(String name, int times) {}

  @GetMapping("/public/hello")
  @SecurityRequirements // public: an ApiRoutes rule opens it
  Map<String, String> hello() {
    return Map.of("hello", "world");
  }

  @GetMapping("/api/me")
  Map<String, String> me(@AuthenticationPrincipal Jwt jwt) {
    return Map.of("user_id", jwt.getSubject());
  }

  @PostMapping("/api/greetings")
  Greeting greet(@RequestBody Greeting greeting) {
    if (greeting.times() > 3) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "too_many_times",
          "at most 3 greetings",
          Map.of("offending", List.of("times")));
    }
    return greeting;
  }

  @GetMapping("/api/things/{id}")
  @ApiResponse(responseCode = "404", description = "No such thing: `not_found`.")
  Map<String, String> thing(@PathVariable String id) {
    throw ApiException.notFound("no thing " + id);
  }

  @GetMapping("/api/broken")
  Map<String, String> broken() {
    throw new IllegalStateException("secret internals");
  }

  @GetMapping("/internal/ping")
  Map<String, String> ping() {
    return Map.of("pong", "yes");
  }
}
