package dev.officeflow.user.token.web;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.session.UserIds;
import dev.officeflow.user.token.ServedToken;
import dev.officeflow.user.token.TokenBroker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/tokens/get}: a provider access token for the office service. The runtime's
 * service-credential filter has already refused callers without a service credential, and every
 * caller but the office ({@code TokenConfiguration}'s {@code InternalAccess}).
 */
@RestController
@Tag(name = "tokens", description = "Provider access tokens for the other services")
public class InternalTokenController {

  private final TokenBroker broker;
  private final Clock clock;

  InternalTokenController(TokenBroker broker, Clock clock) {
    this.broker = broker;
    this.clock = clock;
  }

  @PostMapping("/internal/tokens/get")
  @Operation(
      operationId = "getToken",
      summary = "A valid access token of a user's integration, refreshed first when near expiry",
      description =
          "With `rejected_access_token`, the token the provider just answered 401 to is"
              + " refreshed even though it has not expired. 409 `integration_*`, 410 and 403"
              + " are permanent for that user; 502 is retryable. With `purpose` `purge`, the"
              + " grant held for a deleted user's purge is served, and nothing else.")
  @ApiResponse(responseCode = "200", description = "The token.", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description =
          "`user_id` missing or not a user id, `provider` missing, an unknown `purpose`:"
              + " `invalid_request`.")
  @ApiResponse(
      responseCode = "403",
      description =
          "`insufficient_scopes` (`missing_scopes`, `granted_scopes`), or a user token or a"
              + " service other than the office: `forbidden`.")
  @ApiResponse(
      responseCode = "404",
      description =
          "No integration for that user and provider, or for `purge` no held grant:"
              + " `integration_not_found`.")
  @ApiResponse(
      responseCode = "410",
      description =
          "The user was deleted; only a `purge` request is served their held grant:"
              + " `user_forgotten`.")
  @ApiResponse(
      responseCode = "409",
      description =
          "`integration_revoked`, `integration_expired`, `integration_error`,"
              + " `integration_pending` (`status`, `reason`) or `integration_without_tokens`.")
  @ApiResponse(
      responseCode = "502",
      description =
          "The refresh at the provider failed: `provider_unavailable`, `token_refresh_failed`.")
  @ApiResponse(
      responseCode = "500",
      description = "The stored token does not decrypt: `token_decryption_failed`.")
  Mono<TokenResponse> get(@RequestBody TokenRequest request) {
    return Mono.defer(() -> serve(request))
        .map(served -> TokenResponse.of(served, clock.instant()));
  }

  private Mono<ServedToken> serve(TokenRequest request) {
    String userId = userId(request);
    String provider = required(request.provider(), "provider");
    String purpose = request.purpose() == null ? "" : request.purpose();
    if (purpose.equals(TokenRequest.PURGE)) {
      return broker.forPurge(userId, provider);
    }
    if (!purpose.isEmpty()) {
      throw ApiException.invalid("purpose must be purge or absent, not '" + purpose + "'");
    }
    return broker.get(
        userId,
        provider,
        request.requiredScopes() == null ? List.of() : request.requiredScopes(),
        Optional.ofNullable(request.rejectedAccessToken()).filter(t -> !t.isBlank()));
  }

  private static String userId(TokenRequest request) {
    return UserIds.require(required(request.userId(), "user_id"), "user_id");
  }

  private static String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field + " is required");
    }
    return value;
  }
}
