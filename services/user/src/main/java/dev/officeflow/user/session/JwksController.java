package dev.officeflow.user.session;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key of user JWTs, where the other services' resource servers fetch it. */
@RestController
class JwksController {

  private final SessionTokens tokens;

  JwksController(SessionTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
  Map<String, Object> jwks() {
    return tokens.jwks();
  }
}
