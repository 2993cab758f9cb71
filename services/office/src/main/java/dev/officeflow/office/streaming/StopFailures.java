package dev.officeflow.office.streaming;

import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.tokens.TokenUnavailableException;

/**
 * How a purge's stop call ended when it failed: whether anything is left to stop. The provider no
 * longer knowing the watch or channel (404, 410) means it is gone; a grant that no longer works (no
 * token, refused, or a 401/403 after a refresh) can stop nothing, now or later, and the watch
 * lapses by itself within days. Anything else (5xx, rate limits, timeouts, the user service
 * unreachable) is worth trying again.
 */
public final class StopFailures {

  private StopFailures() {}

  /** True when retrying cannot stop anything more. */
  public static boolean nothingLeftToStop(Throwable e) {
    return e instanceof TokenUnavailableException
        || (e instanceof ProviderFailure failure && !failure.retryable());
  }
}
