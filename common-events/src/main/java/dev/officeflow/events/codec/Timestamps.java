package dev.officeflow.events.codec;

import dev.officeflow.events.EventValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the reference services write them: ISO 8601 with {@code Z} or {@code +00:00} (any
 * offset), with or without fractional seconds, a space or {@code T} between date and time, and —
 * from Python's naive {@code datetime.utcnow()} — no offset at all, read as UTC.
 */
public final class Timestamps {

  private Timestamps() {}

  public static Instant parse(String text) {
    String normalised = text.length() > 10 && text.charAt(10) == ' ' ? withT(text) : text;
    try {
      return OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(normalised, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new EventValidationException("", "not an ISO 8601 timestamp: '" + text + "'", e);
      }
    }
  }

  /** ISO 8601 in UTC with {@code Z}, fractional seconds only when not zero. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String withT(String text) {
    return text.substring(0, 10) + 'T' + text.substring(11);
  }
}
