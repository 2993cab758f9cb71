package dev.officeflow.user.session.web;

import dev.officeflow.user.session.SessionTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys of user JWTs (every configured key, current and previous, by {@code kid}), where
 * the other services' resource servers fetch them.
 */
@RestController
@Tag(
    name = "session",
    description = "User JWTs: signing in (Google, demo logins) and the key set that checks them")
public class JwksController {

  /** Open to anyone (no token): see {@code SessionConfiguration}. */
  public static final String PATH = "/.well-known/jwks.json";

  private final SessionTokens tokens;

  JwksController(SessionTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping(value = PATH, produces = "application/json")
  @Operation(summary = "The public keys of user JWTs (RFC 7517 JWK set)")
  @SecurityRequirements
  Map<String, Object> jwks() {
    return tokens.jwks();
  }
}
