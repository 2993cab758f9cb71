package dev.officeflow.events.codec;

import dev.officeflow.events.EventValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Timestamps as the reference services write them: ISO 8601 with {@code Z} or {@code +00:00} (any
 * offset), with or without fractional seconds, a space or {@code T} between date and time, and —
 * from Python's naive {@code datetime.utcnow()} — no offset at all, read as UTC.
 */
public final class Timestamps {

  // Nanoseconds one fraction digit is worth, by the number of fraction digits written.
  private static final int[] NANOS_PER_DIGIT = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private Timestamps() {}

  public static Instant parse(String text) {
    Instant utc = parseInstantForm(text);
    if (utc != null) {
      return utc;
    }
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

  /**
   * The form {@link #format} writes ({@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, up to nine fraction
   * digits), read by hand: {@link DateTimeFormatter} allocates a field map and more per call, and
   * every event carries several timestamps. Null for anything else, including an impossible date,
   * which the formatter then reads or rejects with its reason.
   */
  private static @Nullable Instant parseInstantForm(String text) {
    int length = text.length();
    if (length < 20
        || length == 21
        || length > 30
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (length > 20 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int fractionDigits = length > 20 ? length - 21 : 0;
    int fraction = fractionDigits == 0 ? 0 : digits(text, 20, fractionDigits);
    if ((year | month | day | hour | minute | second | fraction) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
    return Instant.ofEpochSecond(epochSecond, fraction * NANOS_PER_DIGIT[fractionDigits]);
  }

  /** The decimal value of {@code count} ASCII digits from {@code start}, -1 if one is not. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String withT(String text) {
    return text.substring(0, 10) + 'T' + text.substring(11);
  }
}
