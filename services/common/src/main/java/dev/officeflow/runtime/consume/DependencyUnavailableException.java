package dev.officeflow.runtime.consume;

import dev.officeflow.runtime.OfficeflowRuntimeException;

/**
 * A handler's signal that a dependency it needs is unreachable (Vespa down, a 503 from another
 * service): the runtime holds the message and retries it in place, as for any outage {@link
 * InfrastructureFailures} recognises, and never dead-letters it.
 */
public class DependencyUnavailableException extends OfficeflowRuntimeException {

  public DependencyUnavailableException(String message) {
    super(message);
  }

  public DependencyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
