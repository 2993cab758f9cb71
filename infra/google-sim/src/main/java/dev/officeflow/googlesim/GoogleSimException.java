package dev.officeflow.googlesim;

/** An admin operation named something the simulator does not have (an account, message, event). */
public final class GoogleSimException extends RuntimeException {

  public GoogleSimException(String message) {
    super(message);
  }
}
