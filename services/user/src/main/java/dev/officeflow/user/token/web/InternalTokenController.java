package dev.officeflow.user.token.web;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.token.TokenBroker;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/tokens/get}: a provider access token for another service. The runtime's
 * service-credential filter has already refused callers without a service credential.
 */
@RestController
public class InternalTokenController {

  private final TokenBroker broker;
  private final Clock clock;

  InternalTokenController(TokenBroker broker, Clock clock) {
    this.broker = broker;
    this.clock = clock;
  }

  @PostMapping("/internal/tokens/get")
  Mono<TokenResponse> get(@RequestBody TokenRequest request) {
    return Mono.defer(
            () ->
                broker.get(
                    userId(request),
                    required(request.provider(), "provider"),
                    request.requiredScopes() == null ? List.of() : request.requiredScopes(),
                    Optional.ofNullable(request.rejectedAccessToken()).filter(t -> !t.isBlank())))
        .map(served -> TokenResponse.of(served, clock.instant()));
  }

  private static UUID userId(TokenRequest request) {
    String value = required(request.userId(), "user_id");
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("user_id must be a user id (uuid), not '" + value + "'");
    }
  }

  private static String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field + " is required");
    }
    return value;
  }
}
