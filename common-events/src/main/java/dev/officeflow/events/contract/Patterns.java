package dev.officeflow.events.contract;

/**
 * The regular expressions of the published schemas, each matching exactly what the records' checks
 * let through. They use only syntax that ECMA 262 (which JSON Schema names) and {@code
 * java.util.regex} read alike: classes, ranges, {@code \d}, {@code \\uXXXX} and non-capturing
 * groups.
 */
final class Patterns {

  /**
   * One character that {@link Character#isWhitespace} does not count as white space, so a string
   * containing it is not {@link String#isBlank() blank}: what {@code Check.required} asks of an id.
   * Spelled out rather than {@code \S}, which says something else in every engine: ECMA's {@code
   * \s} counts U+00A0 as space, and neither ECMA's nor Java's counts U+001C..U+001F, which {@link
   * Character#isWhitespace} does.
   */
  static final String NOT_BLANK =
      "[^\\t-\\r\\u001c-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000]";

  /** A calendar date: months of their length, February the 29th in leap years only. */
  private static final String DATE =
      "(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])"
          + "|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)"
          + "|02-(?:0[1-9]|1\\d|2[0-8]))"
          + "|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";

  /**
   * RFC 3339 in UTC with {@code Z}, as {@code Timestamps.format} writes it ({@code
   * 2026-11-01T09:30:00.123Z}, up to nine fraction digits): the one form the codec both writes and
   * reads. The codec also reads offsets and naive times; writers never send them.
   */
  static final String TIMESTAMP =
      "^" + DATE + "T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?Z$";

  /** What {@code Check.uuid} accepts (event ids; {@code ce-id}). */
  static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  /** A W3C {@code traceparent}: version, trace id, parent span id, flags. */
  static final String TRACEPARENT = "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

  private Patterns() {}

  /** Exactly {@code digits} lowercase hex digits, as {@code Check.hex} asks. */
  static String lowerHex(int digits) {
    return "^[0-9a-f]{" + digits + "}$";
  }

  /** Text that starts with {@code prefix} and has a non-blank rest. */
  static String prefixedNotBlank(String prefix) {
    return "^" + prefix + "[\\s\\S]*" + NOT_BLANK;
  }
}
