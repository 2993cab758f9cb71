package dev.officeflow.runtime.consume;

import dev.officeflow.runtime.OfficeflowRuntimeException;

/** A handler's failure that no retry can fix (an unmappable event, a 400 from a store). */
public class PermanentEventException extends OfficeflowRuntimeException {

  public PermanentEventException(String message) {
    super(message);
  }

  public PermanentEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
