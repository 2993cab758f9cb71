package dev.officeflow.user.signin;

/** An ID token this service does not accept; the message says why, for the person signing in. */
public final class InvalidIdTokenException extends RuntimeException {

  InvalidIdTokenException(String message) {
    super(message);
  }

  InvalidIdTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
