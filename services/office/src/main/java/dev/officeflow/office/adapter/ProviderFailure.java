package dev.officeflow.office.adapter;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A provider call that failed, classified the way the neutral core acts on it: whether retrying can
 * help, whether the token was refused, whether a scope is missing, whether a cursor is gone. Each
 * adapter maps its provider's answers to these kinds; the message names the method and the
 * provider's own reason.
 */
public class ProviderFailure extends RuntimeException {

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

  /** Which of the provider's quota budgets refused a {@link Kind#RATE_LIMITED} call. */
  public enum Budget {
    /** The user's own limit (per user, per minute). */
    USER,
    /** The whole project's limit, shared by every user. */
    PROJECT
  }

  private final String provider;
  private final Kind kind;
  private final int status;
  private final @Nullable Duration retryAfter;
  private final @Nullable Budget budget;

  public ProviderFailure(
      String provider,
      Kind kind,
      int status,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    this(provider, kind, status, message, retryAfter, null, cause);
  }

  /** A failure that names the quota budget that refused the call ({@code null}: not said). */
  public ProviderFailure(
      String provider,
      Kind kind,
      int status,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Budget budget,
      @Nullable Throwable cause) {
    super(message, cause);
    this.provider = provider;
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.budget = budget;
  }

  /** The provider that answered ({@code google}). */
  public String provider() {
    return provider;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 for network failures. */
  public int status() {
    return status;
  }

  /** When the provider said to come back ("Retry after ..."), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** For a quota refusal, which budget refused it, when the provider said. */
  public Optional<Budget> budget() {
    return Optional.ofNullable(budget);
  }

  public boolean retryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.NETWORK;
  }
}
