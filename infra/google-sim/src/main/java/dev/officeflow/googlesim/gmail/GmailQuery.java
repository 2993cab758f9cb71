package dev.officeflow.googlesim.gmail;

import dev.officeflow.simkit.mailbox.MimePart;
import dev.officeflow.simkit.web.BadRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Gmail search ({@code q}) the simulator understands: {@code after:}/{@code before:}
 * (epoch seconds, or a date taken as midnight Pacific time as Gmail does), {@code
 * newer_than:}/{@code older_than:} (d, m, y), {@code in:}, {@code label:}, {@code is:}, {@code
 * category:}, {@code has:attachment}, {@code from:}, {@code to:}, {@code subject:}, {@code
 * larger:}/{@code smaller:}, {@code -} negation and bare words; terms are ANDed.
 */
final class GmailQuery {

  /** Gmail reads dates in queries as midnight in the Pacific time zone. */
  private static final ZoneId GMAIL_DATE_ZONE = ZoneId.of("America/Los_Angeles");

  private static final Pattern TERM = Pattern.compile("(-?)(?:(\\w+):)?(\"[^\"]*\"|\\S+)");
  private static final Pattern AGE = Pattern.compile("(\\d+)([dmyh])");
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

  private GmailQuery() {}

  /** A predicate for {@code q}; also reports whether it names spam or trash explicitly. */
  record Parsed(Predicate<StoredMessage> filter, boolean reachesSpamTrash) {}

  static Parsed parse(String q, Clock clock) {
    Predicate<StoredMessage> all = s -> true;
    boolean spamTrash = false;
    Matcher m = TERM.matcher(q);
    while (m.find()) {
      boolean negate = !m.group(1).isEmpty();
      String op = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      String value = m.group(3).replace("\"", "");
      spamTrash |=
          op.equals("in")
              && List.of("spam", "trash", "anywhere").contains(value.toLowerCase(Locale.ROOT));
      Predicate<StoredMessage> term = term(op, value, clock);
      all = all.and(negate ? term.negate() : term);
    }
    return new Parsed(all, spamTrash);
  }

  private static Predicate<StoredMessage> term(String op, String value, Clock clock) {
    String v = value.toLowerCase(Locale.ROOT);
    return switch (op) {
      case "after" -> s -> !s.message().internalDate().isBefore(instant(value));
      case "before" -> s -> s.message().internalDate().isBefore(instant(value));
      case "newer_than" ->
          s -> s.message().internalDate().isAfter(clock.instant().minus(age(value)));
      case "older_than" ->
          s -> s.message().internalDate().isBefore(clock.instant().minus(age(value)));
      case "in", "label" -> s -> v.equals("anywhere") || s.hasLabel(label(v));
      case "category" ->
          s ->
              s.hasLabel(
                  "CATEGORY_" + (v.equals("primary") ? "PERSONAL" : v.toUpperCase(Locale.ROOT)));
      case "is" -> is(v);
      case "has" -> s -> v.equals("attachment") && hasAttachment(s);
      case "from", "to", "subject" -> s -> header(s, op).contains(v);
      case "larger" -> s -> s.message().sizeEstimate() > bytes(value);
      case "smaller" -> s -> s.message().sizeEstimate() < bytes(value);
      case "" -> s -> text(s).contains(v);
      default -> s -> text(s).contains((op + ":" + v));
    };
  }

  private static Predicate<StoredMessage> is(String v) {
    return switch (v) {
      case "unread" -> s -> s.hasLabel("UNREAD");
      case "read" -> s -> !s.hasLabel("UNREAD");
      case "starred" -> s -> s.hasLabel("STARRED");
      case "important" -> s -> s.hasLabel("IMPORTANT");
      default -> s -> false;
    };
  }

  private static String label(String v) {
    String upper = v.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "INBOX", "SENT", "SPAM", "TRASH", "DRAFT", "UNREAD", "STARRED", "IMPORTANT" -> upper;
      default -> v;
    };
  }

  static Instant instant(String value) {
    if (value.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return LocalDate.parse(value.replace('-', '/'), SLASHED)
          .atStartOfDay(GMAIL_DATE_ZONE)
          .toInstant();
    } catch (RuntimeException e) {
      throw new BadRequestException("Invalid date in query: " + value, "q");
    }
  }

  private static Duration age(String value) {
    Matcher m = AGE.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new BadRequestException("Invalid age in query: " + value, "q");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "m" -> Duration.ofDays(30 * n);
      default -> Duration.ofDays(365 * n);
    };
  }

  private static long bytes(String value) {
    String v = value.toUpperCase(Locale.ROOT);
    long factor = v.endsWith("M") ? 1 << 20 : v.endsWith("K") ? 1 << 10 : 1;
    String digits = factor == 1 ? v : v.substring(0, v.length() - 1);
    return Long.parseLong(digits) * factor;
  }

  private static boolean hasAttachment(StoredMessage s) {
    List<MimePart> todo = new ArrayList<>(List.of(s.message().root()));
    while (!todo.isEmpty()) {
      MimePart part = todo.remove(todo.size() - 1);
      if (part.isAttachment()) {
        return true;
      }
      todo.addAll(part.parts());
    }
    return false;
  }

  private static String header(StoredMessage s, String name) {
    return s.message().root().header(name).orElse("").toLowerCase(Locale.ROOT);
  }

  private static String text(StoredMessage s) {
    return (header(s, "subject") + " " + header(s, "from") + " " + s.message().snippet())
        .toLowerCase(Locale.ROOT);
  }
}
