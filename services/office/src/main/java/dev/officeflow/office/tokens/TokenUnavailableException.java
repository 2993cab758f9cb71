package dev.officeflow.office.tokens;

/** No usable token for a user: none configured, or the provider refused to refresh it. */
public final class TokenUnavailableException extends RuntimeException {

  private final String userId;

  public TokenUnavailableException(String userId, String message) {
    super(message);
    this.userId = userId;
  }

  public TokenUnavailableException(String userId, String message, Throwable cause) {
    super(message, cause);
    this.userId = userId;
  }

  public String userId() {
    return userId;
  }
}
