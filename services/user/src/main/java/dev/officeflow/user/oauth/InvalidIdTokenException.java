package dev.officeflow.user.oauth;

/** An ID token this service does not accept; the message says why, for the person signing in. */
public final class InvalidIdTokenException extends RuntimeException {

  public InvalidIdTokenException(String message) {
    super(message);
  }

  public InvalidIdTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
