package dev.officeflow.user.token;

import dev.officeflow.user.UserApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/tokens/get}: a provider access token for another service. The runtime's
 * service-credential filter has already refused callers without a service credential.
 */
@RestController
class InternalTokenController {

  private final TokenBroker broker;

  InternalTokenController(TokenBroker broker) {
    this.broker = broker;
  }

  @PostMapping("/internal/tokens/get")
  Mono<TokenResponse> get(@RequestBody TokenRequest request) {
    return Mono.defer(
        () ->
            broker.get(
                userId(request),
                required(request.provider(), "provider"),
                request.requiredScopes() == null ? List.of() : request.requiredScopes(),
                Optional.ofNullable(request.rejectedAccessToken()).filter(t -> !t.isBlank())));
  }

  private static UUID userId(TokenRequest request) {
    String value = required(request.userId(), "user_id");
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw invalid("user_id must be a user id (uuid), not '" + value + "'");
    }
  }

  private static String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    return value;
  }

  private static UserApiException invalid(String message) {
    return new UserApiException(HttpStatus.BAD_REQUEST, "invalid_request", message);
  }
}
