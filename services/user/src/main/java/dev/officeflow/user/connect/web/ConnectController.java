package dev.officeflow.user.connect.web;

import dev.officeflow.user.connect.Authorization;
import dev.officeflow.user.connect.BrowserKeys;
import dev.officeflow.user.connect.Callback;
import dev.officeflow.user.connect.ProviderConnect;
import dev.officeflow.user.google.GoogleSettings;
import dev.officeflow.user.session.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code /v1/integrations/{google|microsoft}/start} (user JWT) and the callbacks the providers
 * redirect to. Start gives the browser its key in the {@link OAuthCookie}; the callback completes
 * only in the browser that holds it. Both providers' routes exist whether or not the deployment
 * offers Microsoft; without it they answer 404 {@code provider_not_offered}.
 */
@RestController
@Tag(
    name = "connect",
    description = "Connecting a Google or Microsoft account (OAuth with state and PKCE)")
public class ConnectController {

  /**
   * Where a provider sends the browser back: open without a token, because the provider's redirect
   * carries none; its single-use state and the browser's cookie authenticate it.
   */
  public static final String CALLBACK = "/v1/integrations/*/callback";

  /** Optional body of start: which account to preselect at the provider. */
  record StartRequest(@Nullable String loginHint) {}

  private final ProviderConnect connect;
  private final GoogleSettings settings;
  private final OAuthCookie cookie;

  ConnectController(ProviderConnect connect, GoogleSettings settings, OAuthCookie cookie) {
    this.connect = connect;
    this.settings = settings;
    this.cookie = cookie;
  }

  @PostMapping("/v1/integrations/google/start")
  @Operation(
      operationId = "start",
      summary = "Where to send the browser to connect Google (`authorization_url`)",
      description =
          "Sets the `officeflow_oauth` cookie (HttpOnly, SameSite=Lax, Path=/v1/integrations,"
              + " Secure in production): call it from the browser that will follow the URL, with"
              + " cookies (same origin, or `credentials: 'include'`). A browser that already holds"
              + " one keeps it.")
  @ApiResponse(
      responseCode = "200",
      description = "The authorization to follow.",
      useReturnTypeSchema = true,
      headers = @Header(name = "Set-Cookie", description = "`officeflow_oauth`: the browser key"))
  Mono<ResponseEntity<Authorization>> startGoogle(
      @AuthenticationPrincipal Jwt jwt,
      @RequestBody(required = false) @Nullable StartRequest body,
      @CookieValue(name = OAuthCookie.NAME, required = false) @Nullable String presented) {
    return start("google", jwt, body, presented);
  }

  @PostMapping("/v1/integrations/microsoft/start")
  @Operation(
      summary = "Where to send the browser to connect Microsoft (`authorization_url`)",
      description =
          "As for Google: sets the `officeflow_oauth` cookie; call it from the browser that will"
              + " follow the URL, with cookies. The URL is the identity platform's v2.0 authorize"
              + " endpoint with PKCE (S256), a nonce and `login_hint`.")
  @ApiResponse(
      responseCode = "200",
      description = "The authorization to follow.",
      useReturnTypeSchema = true,
      headers = @Header(name = "Set-Cookie", description = "`officeflow_oauth`: the browser key"))
  @ApiResponse(
      responseCode = "404",
      description = "This deployment does not offer Microsoft: `provider_not_offered`.")
  Mono<ResponseEntity<Authorization>> startMicrosoft(
      @AuthenticationPrincipal Jwt jwt,
      @RequestBody(required = false) @Nullable StartRequest body,
      @CookieValue(name = OAuthCookie.NAME, required = false) @Nullable String presented) {
    return start("microsoft", jwt, body, presented);
  }

  @GetMapping("/v1/integrations/google/callback")
  @Operation(
      operationId = "callback",
      summary = "Google's redirect back; its single-use state identifies the user",
      description =
          "Completes only in the browser that started (its `officeflow_oauth` cookie)."
              + " Failures store nothing.")
  @ApiResponse(
      responseCode = "302",
      description = "Connected: on to the frontend, `?integration=google&status=active`.",
      headers = @Header(name = "Location", description = "The frontend URL"))
  @ApiResponse(
      responseCode = "400",
      description =
          "`invalid_state` (missing, unknown, used or expired state), the provider's error"
              + " (`access_denied`, ...), `invalid_request` (no code) or"
              + " `authorization_rejected` (Google refused the code).")
  @ApiResponse(
      responseCode = "403",
      description =
          "`oauth_browser_mismatch`: this browser did not start the authorization (no or another"
              + " `officeflow_oauth` cookie); nothing was connected.")
  @ApiResponse(responseCode = "502", description = "Google unreachable: `provider_unavailable`.")
  @SecurityRequirements
  Mono<ResponseEntity<Void>> callbackGoogle(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String error,
      @RequestParam(name = "error_description", required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable String scope,
      @CookieValue(name = OAuthCookie.NAME, required = false) @Nullable String browserKey) {
    return complete("google", new Callback(state, code, error, description, scope, browserKey));
  }

  @GetMapping("/v1/integrations/microsoft/callback")
  @Operation(
      summary = "The identity platform's redirect back; its single-use state identifies the user",
      description =
          "Completes only in the browser that started (its `officeflow_oauth` cookie); the"
              + " id_token of the code exchange must echo the authorization's nonce. Failures"
              + " store nothing.")
  @ApiResponse(
      responseCode = "302",
      description = "Connected: on to the frontend, `?integration=microsoft&status=active`.",
      headers = @Header(name = "Location", description = "The frontend URL"))
  @ApiResponse(
      responseCode = "400",
      description =
          "`invalid_state`, the platform's error (`access_denied`, ...), `invalid_request` (no"
              + " code) or `authorization_rejected` (the platform refused the code, or its"
              + " id_token failed a check).")
  @ApiResponse(
      responseCode = "403",
      description = "`oauth_browser_mismatch`: this browser did not start the authorization.")
  @ApiResponse(
      responseCode = "404",
      description = "This deployment does not offer Microsoft: `provider_not_offered`.")
  @ApiResponse(
      responseCode = "502",
      description = "The platform unreachable: `provider_unavailable`.")
  @SecurityRequirements
  Mono<ResponseEntity<Void>> callbackMicrosoft(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String error,
      @RequestParam(name = "error_description", required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable String scope,
      @CookieValue(name = OAuthCookie.NAME, required = false) @Nullable String browserKey) {
    return complete("microsoft", new Callback(state, code, error, description, scope, browserKey));
  }

  private Mono<ResponseEntity<Authorization>> start(
      String provider, Jwt jwt, @Nullable StartRequest body, @Nullable String presented) {
    String browserKey = BrowserKeys.keep(presented);
    return connect
        .start(provider, CurrentUser.id(jwt), body == null ? null : body.loginHint(), browserKey)
        .map(
            started ->
                ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, cookie.holding(browserKey).toString())
                    .body(started));
  }

  private Mono<ResponseEntity<Void>> complete(String provider, Callback callback) {
    return connect
        .complete(provider, callback)
        .map(
            integration ->
                ResponseEntity.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, frontend(integration.provider()).toString())
                    .build());
  }

  private URI frontend(String provider) {
    return UriComponentsBuilder.fromUriString(settings.frontendUrl())
        .queryParam("integration", provider)
        .queryParam("status", "active")
        .build()
        .toUri();
  }
}
