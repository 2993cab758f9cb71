package dev.officeflow.office.providers.google;

import dev.officeflow.office.adapter.ProviderFailure;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A Google call that failed, classified by {@link GoogleFailures} from Google's answer. */
public final class GoogleFailure extends ProviderFailure {

  public GoogleFailure(
      Kind kind,
      int status,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    this(kind, status, message, retryAfter, null, cause);
  }

  /** A failure naming which quota budget (user or project) refused the call. */
  public GoogleFailure(
      Kind kind,
      int status,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Budget budget,
      @Nullable Throwable cause) {
    super(GoogleScopes.PROVIDER, kind, status, message, retryAfter, budget, cause);
  }
}
