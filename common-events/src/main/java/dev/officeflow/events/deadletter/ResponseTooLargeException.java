package dev.officeflow.events.deadletter;

/**
 * A pull's response exceeded what the transport accepts (dead letters keep bodies up to Pub/Sub's
 * 10 MB, several of which make one response too large). The messages of that response stay
 * invisible until their ack deadline passes.
 */
public final class ResponseTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ResponseTooLargeException(String subscription, Throwable cause) {
    super("a pull response of " + subscription + " was too large: " + cause.getMessage(), cause);
  }
}
