package dev.officeflow.user.account.web;

import dev.officeflow.user.account.AccountDeletion;
import dev.officeflow.user.account.User;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.session.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller: who they are ({@code GET /v1/me}), and deleting all of it ({@code DELETE}). */
@RestController
public class MeController {

  private final Users users;
  private final AccountDeletion deletion;

  MeController(Users users, AccountDeletion deletion) {
    this.users = users;
    this.deletion = deletion;
  }

  @GetMapping("/v1/me")
  Mono<User> me(@AuthenticationPrincipal Jwt jwt) {
    return users.get(CurrentUser.id(jwt));
  }

  @DeleteMapping("/v1/me")
  Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt) {
    return deletion.delete(CurrentUser.id(jwt)).thenReturn(ResponseEntity.noContent().build());
  }
}
