package dev.officeflow.setuppubsub;

/**
 * An expected failure (bad arguments, Pub/Sub unreachable, permission denied) whose message is the
 * one line the CLI prints, without a stack trace.
 */
final class SetupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitStatus status;

  SetupException(ExitStatus status, String message) {
    super(message);
    this.status = status;
  }

  SetupException(ExitStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  ExitStatus status() {
    return status;
  }

  static SetupException usage(String message) {
    return new SetupException(ExitStatus.USAGE, message);
  }
}
