package dev.officeflow.user.connect.web;

import dev.officeflow.user.connect.Authorization;
import dev.officeflow.user.connect.BrowserKeys;
import dev.officeflow.user.connect.Callback;
import dev.officeflow.user.connect.GoogleConnect;
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
 * {@code /v1/integrations/google/start} (user JWT) and the callback Google redirects to. Start
 * gives the browser its key in the {@link OAuthCookie}; the callback completes only in the browser
 * that holds it.
 */
@RestController
@Tag(name = "connect", description = "Connecting a Google account (OAuth with state and PKCE)")
public class ConnectController {

  /**
   * Where Google sends the browser back, for any provider: open without a token, because Google's
   * redirect carries none; its single-use state and the browser's cookie authenticate it.
   */
  public static final String CALLBACK = "/v1/integrations/*/callback";

  /** Optional body of start: which Google account to preselect. */
  record StartRequest(@Nullable String loginHint) {}

  private final GoogleConnect connect;
  private final GoogleSettings settings;
  private final OAuthCookie cookie;

  ConnectController(GoogleConnect connect, GoogleSettings settings, OAuthCookie cookie) {
    this.connect = connect;
    this.settings = settings;
    this.cookie = cookie;
  }

  @PostMapping("/v1/integrations/google/start")
  @Operation(
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
  Mono<ResponseEntity<Authorization>> start(
      @AuthenticationPrincipal Jwt jwt,
      @RequestBody(required = false) @Nullable StartRequest body,
      @CookieValue(name = OAuthCookie.NAME, required = false) @Nullable String presented) {
    String browserKey = BrowserKeys.keep(presented);
    return connect
        .start(CurrentUser.id(jwt), body == null ? null : body.loginHint(), browserKey)
        .map(
            started ->
                ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, cookie.holding(browserKey).toString())
                    .body(started));
  }

  @GetMapping("/v1/integrations/google/callback")
  @Operation(
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
  Mono<ResponseEntity<Void>> callback(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String error,
      @RequestParam(name = "error_description", required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable String scope,
      @CookieValue(name = OAuthCookie.NAME, required = false) @Nullable String browserKey) {
    return connect
        .complete(new Callback(state, code, error, description, scope, browserKey))
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
