package dev.officeflow.user.connect.web;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that carries the browser's key between start and callback: {@code officeflow_oauth},
 * HttpOnly (no script reads it), {@code SameSite=Lax} (sent on Google's top-level redirect back,
 * not on cross-site subrequests), {@code Path=/v1/integrations} (start and callback only), living
 * as long as an authorization may take, and {@code Secure} in production (HTTPS only). Locally it
 * is not {@code Secure}, so it works over {@code http://127.0.0.1} and in curl's cookie jar.
 */
public final class OAuthCookie {

  /** The cookie's name. */
  public static final String NAME = "officeflow_oauth";

  /** The paths it is sent to: the connect routes' common prefix. */
  static final String PATH = "/v1/integrations";

  private final boolean secure;
  private final Duration maxAge;

  public OAuthCookie(boolean secure, Duration maxAge) {
    this.secure = secure;
    this.maxAge = maxAge;
  }

  ResponseCookie holding(String browserKey) {
    return ResponseCookie.from(NAME, browserKey)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .path(PATH)
        .maxAge(maxAge)
        .build();
  }
}
