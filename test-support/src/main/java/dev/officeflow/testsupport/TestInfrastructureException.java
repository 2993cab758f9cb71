package dev.officeflow.testsupport;

/**
 * The test infrastructure is missing, misconfigured or unreachable; the message says what to do.
 */
public final class TestInfrastructureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TestInfrastructureException(String message) {
    super(message);
  }

  TestInfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }
}
