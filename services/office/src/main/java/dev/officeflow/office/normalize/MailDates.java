package dev.officeflow.office.normalize;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code Date} header (RFC 5322, with the variants mailers write) as an instant. */
public final class MailDates {

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy H:mm[:ss] Z", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy H:mm[:ss] z", Locale.ENGLISH));

  private MailDates() {}

  public static Optional<Instant> parse(String header) {
    // Drop comments such as "(UTC)" or "(Pacific Standard Time)" and folded whitespace.
    String value = header.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim();
    for (DateTimeFormatter format : FORMATS) {
      try {
        return Optional.of(ZonedDateTime.parse(value, format).toInstant());
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    return Optional.empty();
  }
}
