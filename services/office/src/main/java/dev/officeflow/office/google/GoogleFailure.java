package dev.officeflow.office.google;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Google call that failed, classified: whether retrying can help, whether the token was refused,
 * whether a scope is missing. The message names the method and Google's own reason.
 */
public final class GoogleFailure extends RuntimeException {

  /** What went wrong, as far as what to do next is concerned. */
  public enum Kind {
    /** 401: the access token was refused. */
    UNAUTHORIZED,
    /** 429, or 403 with a rate-limit reason: retry later. */
    RATE_LIMITED,
    /** 5xx: retry. */
    SERVER,
    /** Timeouts and broken connections: retry. */
    NETWORK,
    /** 403 without a rate-limit reason: a scope or permission is missing. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 410: a sync cursor is gone. */
    GONE,
    /** Any other answer: retrying cannot help. */
    REJECTED
  }

  private final Kind kind;
  private final int status;
  private final @Nullable Duration retryAfter;

  public GoogleFailure(
      Kind kind,
      int status,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 for network failures. */
  public int status() {
    return status;
  }

  /** When Google said to come back ("Retry after ..."), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean retryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.NETWORK;
  }
}
