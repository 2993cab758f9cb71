package dev.officeflow.user.account.web;

import dev.officeflow.user.account.AccountDeletion;
import dev.officeflow.user.account.User;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.session.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller: who they are ({@code GET /v1/me}), and deleting all of it ({@code DELETE}). */
@RestController
@Tag(name = "account", description = "The caller's own account")
public class MeController {

  private final Users users;
  private final AccountDeletion deletion;

  MeController(Users users, AccountDeletion deletion) {
    this.users = users;
    this.deletion = deletion;
  }

  @GetMapping("/v1/me")
  @Operation(summary = "Who the caller is")
  @ApiResponse(responseCode = "200", description = "The user.", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "The token's user no longer exists: `user_not_found`.")
  Mono<User> me(@AuthenticationPrincipal Jwt jwt) {
    return users.get(CurrentUser.id(jwt));
  }

  @DeleteMapping("/v1/me")
  @Operation(
      summary = "Deletes the caller and everything of theirs",
      description =
          "Deletes tokens, integrations, audit log and the user; announces each integration's"
              + " deletion and the user's on Pub/Sub. The provider grants are held for the"
              + " office's purge only and revoked when it confirms (at the latest after the"
              + " release deadline). The user's unexpired tokens are refused from then on (401),"
              + " by every service.")
  @ApiResponse(responseCode = "204", description = "Deleted.")
  Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt) {
    return deletion.delete(CurrentUser.id(jwt)).thenReturn(ResponseEntity.noContent().build());
  }
}
