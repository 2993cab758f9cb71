package dev.officeflow.graphsim.throttle;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The throttle's answer to one request: admitted with a {@link Permit} to release when its answer
 * is written, or refused for one {@link ThrottleReason} with the seconds Graph would name in {@code
 * Retry-After}.
 */
public record Admission(
    @Nullable Permit permit, @Nullable ThrottleReason refusal, Duration retryAfter) {

  static Admission admitted(Permit permit) {
    return new Admission(permit, null, Duration.ZERO);
  }

  static Admission refused(ThrottleReason reason, Duration retryAfter) {
    return new Admission(null, reason, retryAfter);
  }

  public boolean isAdmitted() {
    return permit != null;
  }

  /** {@code Retry-After} in whole seconds, at least 1 (Graph never asks for 0). */
  public long retryAfterSeconds() {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }

  /** A request in flight; releasing it twice is harmless. */
  @FunctionalInterface
  public interface Permit {
    void release();
  }
}
