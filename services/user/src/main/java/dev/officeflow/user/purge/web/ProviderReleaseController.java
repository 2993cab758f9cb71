package dev.officeflow.user.purge.web;

import dev.officeflow.user.purge.HeldGrants;
import dev.officeflow.user.session.UserIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/users/{userId}/provider-release}: the office has stopped everything it ran
 * at the providers for a deleted user, so their held grants are revoked now rather than at the
 * deadline. The runtime's filter has refused every caller but the office ({@code
 * PurgeConfiguration}'s {@code InternalAccess}).
 */
@RestController
@Tag(name = "purge", description = "Deleted users' grants, held for the office's purge")
public class ProviderReleaseController {

  private final HeldGrants grants;

  ProviderReleaseController(HeldGrants grants) {
    this.grants = grants;
  }

  @PostMapping("/internal/users/{userId}/provider-release")
  @Operation(
      operationId = "releaseProviderGrants",
      summary = "The office purged a deleted user: revoke their held grants now",
      description =
          "Idempotent: a user with no held grant (released already, never connected) is answered"
              + " the same. A revocation Google fails is retried by the sweeper; the office's"
              + " part is done once this answers 204.")
  @ApiResponse(responseCode = "204", description = "Released (or nothing was held).")
  @ApiResponse(responseCode = "400", description = "`userId` is not a user id: `invalid_request`.")
  @ApiResponse(
      responseCode = "403",
      description = "A user token or a service other than the office: `forbidden`.")
  Mono<ResponseEntity<Void>> release(@PathVariable String userId) {
    return Mono.defer(() -> grants.release(userId(userId)))
        .thenReturn(ResponseEntity.noContent().build());
  }

  private static String userId(String value) {
    return UserIds.require(value, "userId");
  }
}
