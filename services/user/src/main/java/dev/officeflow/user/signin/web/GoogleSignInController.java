package dev.officeflow.user.signin.web;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.signin.GoogleSignIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * "Sign in with Google": {@code POST /v1/sessions/google {"id_token": ...}} exchanges the ID token
 * the frontend got from Google (Google Identity Services, or any OpenID Connect client of this
 * application's client id) for a user JWT. Open without a token: the ID token authenticates.
 */
@RestController
@Tag(name = "session")
public class GoogleSignInController {

  /** The route, open without a token. */
  public static final String PATH = "/v1/sessions/google";

  /** Body of the sign-in; never logged. */
  record GoogleSignInRequest(@Nullable String idToken) {

    @Override
    public String toString() {
      return "GoogleSignInRequest[idToken=" + (idToken == null ? "none" : "<redacted>") + "]";
    }
  }

  private final GoogleSignIn signIn;
  private final Clock clock;

  GoogleSignInController(GoogleSignIn signIn, Clock clock) {
    this.signIn = signIn;
    this.clock = clock;
  }

  @PostMapping(PATH)
  @Operation(
      summary = "A user JWT for a Google ID token (Sign in with Google)",
      description =
          "The ID token must verify against Google's keys, name Google as issuer and this"
              + " application's OAuth client id as audience, be unexpired and carry a verified"
              + " email; the user with that address is signed in (created on first sign-in).")
  @ApiResponse(responseCode = "200", description = "The session.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "No `id_token`: `invalid_request`.")
  @ApiResponse(
      responseCode = "401",
      description =
          "`invalid_id_token`: forged, expired, for another client or issuer, or without a"
              + " verified email (the detail says which).")
  @ApiResponse(
      responseCode = "502",
      description = "Google's keys could not be fetched: `provider_unavailable`.")
  @SecurityRequirements
  Mono<Session> signIn(@RequestBody GoogleSignInRequest request) {
    String idToken = request.idToken();
    if (idToken == null || idToken.isBlank()) {
      return Mono.error(ApiException.invalid("id_token is required"));
    }
    return signIn.signIn(idToken).map(signedIn -> Session.of(signedIn, clock.instant()));
  }
}
