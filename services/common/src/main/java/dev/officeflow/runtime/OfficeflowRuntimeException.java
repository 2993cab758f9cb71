package dev.officeflow.runtime;

/** A failure of the shared runtime, with the resource it concerns in the message. */
public class OfficeflowRuntimeException extends RuntimeException {

  public OfficeflowRuntimeException(String message) {
    super(message);
  }

  public OfficeflowRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
