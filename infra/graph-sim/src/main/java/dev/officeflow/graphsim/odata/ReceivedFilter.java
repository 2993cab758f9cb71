package dev.officeflow.graphsim.odata;

import dev.officeflow.graphsim.web.GraphException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code $filter} on {@code receivedDateTime}: one or two comparisons ({@code ge}, {@code gt},
 * {@code le}, {@code lt}) joined by {@code and}, the only filter the simulator's mail resources
 * take. Literals are OData DateTimeOffset values ({@code 2026-11-01T00:00:00Z}, an offset, or a
 * bare date read as midnight UTC), quoted or not.
 *
 * @param from the lower bound, or null for none
 * @param to the upper bound, or null for none
 */
public record ReceivedFilter(
    @Nullable Instant from, boolean fromInclusive, @Nullable Instant to, boolean toInclusive) {

  public static final ReceivedFilter NONE = new ReceivedFilter(null, true, null, true);

  private static final Pattern CLAUSE =
      Pattern.compile(
          "\\s*([\\w/]+)\\s+(ge|gt|le|lt|eq|ne)\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

  /** Parses a filter; {@link GraphException} 400 for anything it does not support. */
  public static ReceivedFilter parse(String filter) {
    ReceivedFilter out = NONE;
    for (String clause : AND.split(filter.trim(), -1)) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw Refusals.badRequest("Invalid filter clause: " + clause.trim());
      }
      if (!m.group(1).equalsIgnoreCase("receivedDateTime")) {
        throw unsupported();
      }
      out = out.with(m.group(2).toLowerCase(Locale.ROOT), instant(m.group(3).replace("'", "")));
    }
    return out;
  }

  private ReceivedFilter with(String op, Instant value) {
    return switch (op) {
      case "ge" -> new ReceivedFilter(value, true, to, toInclusive);
      case "gt" -> new ReceivedFilter(value, false, to, toInclusive);
      case "le" -> new ReceivedFilter(from, fromInclusive, value, true);
      case "lt" -> new ReceivedFilter(from, fromInclusive, value, false);
      default -> throw unsupported();
    };
  }

  private static GraphException unsupported() {
    return new GraphException(
        400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
  }

  static Instant instant(String literal) {
    try {
      return OffsetDateTime.parse(literal).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(literal).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw Refusals.badRequest(
            "The DateTimeOffset text '" + literal + "' should be in format 'yyyy-mm-ddThh:mm:ss'.");
      }
    }
  }

  public boolean matches(Instant received) {
    if (from != null && (fromInclusive ? received.isBefore(from) : !received.isAfter(from))) {
      return false;
    }
    return to == null || (toInclusive ? !received.isAfter(to) : received.isBefore(to));
  }

  /** True when the filter names only a lower bound, the form Graph's message delta accepts. */
  public boolean isLowerBoundOnly() {
    return to == null;
  }

  public boolean isNone() {
    return from == null && to == null;
  }

  /** The filter written back as OData, for links that carry it; empty for none. */
  public String odata() {
    StringBuilder out = new StringBuilder();
    if (from != null) {
      out.append("receivedDateTime ").append(fromInclusive ? "ge " : "gt ").append(from);
    }
    if (to != null) {
      out.append(out.isEmpty() ? "" : " and ")
          .append("receivedDateTime ")
          .append(toInclusive ? "le " : "lt ")
          .append(to);
    }
    return out.toString();
  }
}
