package dev.officeflow.user.account;

import dev.officeflow.user.UserApiException;
import dev.officeflow.user.session.CurrentUser;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller: who they are ({@code GET /v1/me}), and deleting all of it ({@code DELETE}). */
@RestController
class MeController {

  private final UserStore users;
  private final AccountDeletion deletion;

  MeController(UserStore users, AccountDeletion deletion) {
    this.users = users;
    this.deletion = deletion;
  }

  @GetMapping("/v1/me")
  Mono<User> me(@AuthenticationPrincipal Jwt jwt) {
    UUID userId = CurrentUser.id(jwt);
    return users
        .find(userId)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new UserApiException(
                        HttpStatus.NOT_FOUND, "user_not_found", "no user " + userId)));
  }

  @DeleteMapping("/v1/me")
  Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt) {
    return deletion.delete(CurrentUser.id(jwt)).thenReturn(ResponseEntity.noContent().build());
  }
}
