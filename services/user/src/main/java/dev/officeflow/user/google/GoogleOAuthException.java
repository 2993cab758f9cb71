package dev.officeflow.user.google;

/**
 * Google answered an OAuth call with an error ({@code status} 4xx, {@code error} as Google names
 * it, e.g. {@code invalid_grant}), or could not be reached or failed ({@code status} 0 or 5xx).
 */
public final class GoogleOAuthException extends RuntimeException {

  private final int status;
  private final String error;

  public GoogleOAuthException(int status, String error, String description, Throwable cause) {
    super(description, cause);
    this.status = status;
    this.error = error;
  }

  public GoogleOAuthException(int status, String error, String description) {
    super(description);
    this.status = status;
    this.error = error;
  }

  /** The HTTP status Google answered with; 0 when there was no answer. */
  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The grant (code or refresh token) is invalid, expired or revoked. */
  public boolean invalidGrant() {
    return "invalid_grant".equals(error);
  }

  /** Worth retrying: no answer, or a server error. */
  public boolean unavailable() {
    return status == 0 || status >= 500;
  }
}
