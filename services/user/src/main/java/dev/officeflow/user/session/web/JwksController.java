package dev.officeflow.user.session.web;

import dev.officeflow.user.session.SessionTokens;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key of user JWTs, where the other services' resource servers fetch it. */
@RestController
public class JwksController {

  /** Open to anyone (no token): see {@code SessionConfiguration}. */
  public static final String PATH = "/.well-known/jwks.json";

  private final SessionTokens tokens;

  JwksController(SessionTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping(value = PATH, produces = "application/json")
  Map<String, Object> jwks() {
    return tokens.jwks();
  }
}
