package dev.officeflow.office.backfill;

/**
 * A job cannot be started or cancelled in its current state: another job of the user is active, or
 * the job has already finished.
 */
public final class JobConflictException extends RuntimeException {

  private final BackfillJob job;

  JobConflictException(String message, BackfillJob job) {
    super(message);
    this.job = job;
  }

  /** The job in the way (the active one) or the finished one. */
  public BackfillJob job() {
    return job;
  }
}
