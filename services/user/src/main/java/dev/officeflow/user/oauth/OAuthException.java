package dev.officeflow.user.oauth;

/**
 * A provider answered an OAuth call with an error ({@code status} 4xx, {@code error} as the
 * provider names it, e.g. {@code invalid_grant}), or could not be reached or failed ({@code status}
 * 0 or 5xx). The message is the provider's description, never a token.
 */
public class OAuthException extends RuntimeException {

  private final int status;
  private final String error;

  public OAuthException(int status, String error, String description, Throwable cause) {
    super(description, cause);
    this.status = status;
    this.error = error;
  }

  public OAuthException(int status, String error, String description) {
    super(description);
    this.status = status;
    this.error = error;
  }

  /** The HTTP status the provider answered with; 0 when there was no answer. */
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
