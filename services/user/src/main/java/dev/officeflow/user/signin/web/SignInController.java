package dev.officeflow.user.signin.web;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.signin.SignIns;
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
 * "Sign in with Google" and "Sign in with Microsoft": {@code POST /v1/sessions/{google|microsoft}
 * {"id_token": ...}} exchanges the ID token the frontend got from the provider (any OpenID Connect
 * client of this application's client id) for a user JWT. Open without a token: the ID token
 * authenticates.
 */
@RestController
@Tag(name = "session")
public class SignInController {

  /** The routes, open without a token. */
  public static final String[] PATHS = {"/v1/sessions/google", "/v1/sessions/microsoft"};

  /** Body of a sign-in; never logged. */
  record SignInRequest(@Nullable String idToken) {

    @Override
    public String toString() {
      return "SignInRequest[idToken=" + (idToken == null ? "none" : "<redacted>") + "]";
    }
  }

  private final SignIns signIns;
  private final Clock clock;

  SignInController(SignIns signIns, Clock clock) {
    this.signIns = signIns;
    this.clock = clock;
  }

  @PostMapping("/v1/sessions/google")
  @Operation(
      operationId = "signIn",
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
  Mono<Session> google(@RequestBody SignInRequest request) {
    return signIn("google", request);
  }

  @PostMapping("/v1/sessions/microsoft")
  @Operation(
      operationId = "signInMicrosoft",
      summary = "A user JWT for a Microsoft id_token (Sign in with Microsoft)",
      description =
          "The v2.0 id_token must verify against the tenant's keys, come from a tenant the"
              + " configured one admits with the issuer `<base>/{tid}/v2.0`, name this"
              + " application's client id as audience, be unexpired and carry an address that"
              + " identifies a person (a personal account, `xms_edov`, or a tenant the deployment"
              + " trusts); the user with that address is signed in (created on first sign-in).")
  @ApiResponse(responseCode = "200", description = "The session.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "No `id_token`: `invalid_request`.")
  @ApiResponse(
      responseCode = "401",
      description =
          "`invalid_id_token`: forged, expired, for another client, issuer or tenant, or without"
              + " a verified address (the detail says which).")
  @ApiResponse(
      responseCode = "404",
      description = "This deployment does not offer Microsoft: `provider_not_offered`.")
  @ApiResponse(
      responseCode = "502",
      description = "Microsoft's keys could not be fetched: `provider_unavailable`.")
  @SecurityRequirements
  Mono<Session> microsoft(@RequestBody SignInRequest request) {
    return signIn("microsoft", request);
  }

  private Mono<Session> signIn(String provider, SignInRequest request) {
    return Mono.defer(
        () -> {
          String idToken = request.idToken();
          if (idToken == null || idToken.isBlank()) {
            return Mono.error(ApiException.invalid("id_token is required"));
          }
          return signIns
              .of(provider)
              .signIn(idToken)
              .map(signedIn -> Session.of(signedIn, clock.instant()));
        });
  }
}
