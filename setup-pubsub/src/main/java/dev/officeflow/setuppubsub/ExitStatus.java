package dev.officeflow.setuppubsub;

/** The process exit codes of the CLI, documented in the README. */
enum ExitStatus {
  /** Applied, planned, or verified without differences. */
  OK(0),
  /** {@code --verify} found differences, or a subscription could not be brought in line. */
  DIFFERENCES(1),
  /** Bad arguments; the usage is printed. */
  USAGE(2),
  /** The emulator or Pub/Sub could not be reached in time. */
  UNREACHABLE(3),
  /** The credentials are missing or lack a permission. */
  PERMISSION_DENIED(4),
  /** Pub/Sub rejected a call for another reason. */
  FAILED(5);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }
}
