package dev.officeflow.office.backfill;

import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.tokens.TokenUnavailableException;
import java.util.Locale;

/**
 * How a run ended, and whether its ending was written to the job.
 *
 * @param retryable for {@code FAILED}: a later run may succeed (the job is requeued with backoff)
 * @param saved the job's next state was written (false: its lease will expire and it resumes)
 */
record RunOutcome(Kind kind, boolean retryable, String reason, boolean saved) {

  /** The ways a run ends. */
  enum Kind {
    COMPLETED,
    /** The run's time limit passed: checkpointed, the job continues in its next run. */
    TIMED_OUT,
    /**
     * The run had its turn while other jobs waited for a slot: checkpointed, queued behind them.
     */
    YIELDED,
    /** Another instance owns the job now, or it was cancelled: nothing more to write. */
    LEASE_LOST,
    FAILED
  }

  static RunOutcome completed() {
    return new RunOutcome(Kind.COMPLETED, false, "", true);
  }

  static RunOutcome failed(boolean retryable, String reason) {
    return new RunOutcome(Kind.FAILED, retryable, reason, true);
  }

  static RunOutcome of(Throwable error) {
    if (error instanceof JobRun.Stop stop) {
      return new RunOutcome(stop.kind, false, stop.kind.name().toLowerCase(Locale.ROOT), true);
    }
    if (error instanceof TokenUnavailableException e) {
      return failed(false, e.getMessage());
    }
    if (error instanceof ProviderFailure f) {
      boolean refused = f.kind() == ProviderFailure.Kind.UNAUTHORIZED;
      String prefix = refused ? f.provider() + " refused the token even after a refresh: " : "";
      return failed(f.retryable(), prefix + f.getMessage());
    }
    String message = error.getMessage() == null ? "" : ": " + error.getMessage();
    return failed(true, error.getClass().getSimpleName() + message);
  }

  /** A 403 that is not about rate: the grant does not cover the source. */
  static boolean missingScope(Throwable error) {
    return error instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.FORBIDDEN;
  }

  RunOutcome unsaved() {
    return new RunOutcome(kind, retryable, reason, false);
  }
}
