package dev.officeflow.user.google;

import dev.officeflow.user.oauth.OAuthException;

/**
 * Google answered an OAuth call with an error ({@code status} 4xx, {@code error} as Google names
 * it, e.g. {@code invalid_grant}), or could not be reached or failed ({@code status} 0 or 5xx).
 */
public final class GoogleOAuthException extends OAuthException {

  public GoogleOAuthException(int status, String error, String description, Throwable cause) {
    super(status, error, description, cause);
  }

  public GoogleOAuthException(int status, String error, String description) {
    super(status, error, description);
  }
}
