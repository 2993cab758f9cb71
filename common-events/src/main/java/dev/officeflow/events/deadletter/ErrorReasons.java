package dev.officeflow.events.deadletter;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The code of a dead-letter reason: {@code invalid: email.received_date: missing} is {@code
 * invalid}. Reasons are free text after their code; grouping, counting and metric labels use the
 * code alone, so the values stay few.
 */
public final class ErrorReasons {

  /** A message without {@code error_reason}. */
  public static final String UNKNOWN = "unknown";

  /** A reason whose head is not a code (free text, upper case, too long). */
  public static final String OTHER = "other";

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private ErrorReasons() {}

  public static String prefix(@Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      return UNKNOWN;
    }
    int colon = reason.indexOf(':');
    String head = (colon < 0 ? reason : reason.substring(0, colon)).trim();
    return CODE.matcher(head).matches() ? head : OTHER;
  }
}
