package dev.officeflow.office.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads address-list headers ({@code From}, {@code To}, {@code Cc}, {@code Bcc}, {@code Reply-To})
 * as RFC 5322 describes them and as real mailers write them: quoted names with commas, escaped
 * quotes, RFC 2047 encoded words (also inside quotes), comments, groups, route addresses, Outlook's
 * semicolons and unquoted "Last, First" names. An entry without a valid address is dropped and
 * counted. Never throws.
 *
 * <p>Hand-written because the libraries read real headers worse (issue 18, measured against {@code
 * AddressParserTest}): Apache mime4j 0.8.15's strict parser rejects the whole header at the first
 * entry it cannot read (22 of 52 cases differ: semicolons, a folded line, "Last, First", a stray
 * quote, a missing bracket, any invalid neighbour); its lenient one cuts an address short after
 * non-ASCII text ({@code José Núñez <jose@example.es>} gives {@code jose@example.}) and joins
 * entries split by {@code ;} (21 differ); Jakarta Mail 2.1 keeps comments in names and routes in
 * addresses and accepts entries without a domain (19 differ). None takes a comment as the name or
 * keeps an undecodable encoded word as written.
 */
public final class AddressParser {

  /** Folding whitespace: a line break followed by a space or tab. */
  private static final String FOLD = "\\r?\\n[ \\t]+";

  private AddressParser() {}

  public static AddressList parse(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return AddressList.EMPTY;
    }
    List<String> entries = mergeSplitNames(split(header.replaceAll(FOLD, " ")));
    Map<String, NamedAddress> unique = new LinkedHashMap<>();
    int dropped = 0;
    for (String entry : entries) {
      Optional<NamedAddress> mailbox = MailboxParser.parse(entry);
      if (mailbox.isEmpty()) {
        dropped++;
        continue;
      }
      unique.merge(mailbox.get().address(), mailbox.get(), AddressParser::keepFirstName);
    }
    return new AddressList(List.copyOf(unique.values()), dropped);
  }

  private static NamedAddress keepFirstName(NamedAddress first, NamedAddress later) {
    return first.displayName() != null ? first : later;
  }

  /**
   * The header's entries: split at top-level commas and semicolons; a group's name (the text before
   * a top-level colon) is dropped and its members kept. Blank entries are left out.
   */
  static List<String> split(String text) {
    Scan scan = scan(text);
    if (scan.unclosedAt >= 0) {
      // A stray quote or parenthesis would swallow the rest of the header: read it without.
      String repaired = text.substring(0, scan.unclosedAt) + text.substring(scan.unclosedAt + 1);
      scan = scan(repaired);
    }
    return scan.entries.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
  }

  private static final class Scan {
    final List<String> entries = new ArrayList<>();
    int unclosedAt = -1;
  }

  private static Scan scan(String text) {
    Scan scan = new Scan();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean angle = false;
    boolean group = false;
    int comment = 0;
    int openedAt = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      current.append(c);
      if (c == '\\' && (quoted || comment > 0) && i + 1 < text.length()) {
        current.append(text.charAt(++i));
      } else if (quoted) {
        quoted = c != '"';
      } else if (comment > 0) {
        comment += c == '(' ? 1 : c == ')' ? -1 : 0;
      } else if (c == '"' || c == '(') {
        quoted = c == '"';
        comment = c == '(' ? 1 : 0;
        openedAt = i;
      } else if (c == '<' || c == '>') {
        angle = c == '<';
      } else if (!angle && (c == ',' || c == ';')) {
        current.setLength(current.length() - 1);
        scan.entries.add(current.toString());
        current.setLength(0);
        group = group && c == ',';
      } else if (!angle && !group && c == ':') {
        current.setLength(0);
        group = true;
      }
    }
    scan.entries.add(current.toString());
    scan.unclosedAt = quoted || comment > 0 ? openedAt : -1;
    return scan;
  }

  /**
   * Outlook and some scripts write {@code Doe, Jane <jane@example.com>} without quotes: a bare word
   * with no address followed by a named angle address is one mailbox, not two.
   */
  private static List<String> mergeSplitNames(List<String> entries) {
    List<String> merged = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      boolean nameOnly = !entry.contains("@") && !entry.contains("<") && !entry.contains("\"");
      if (nameOnly && i + 1 < entries.size() && startsWithNamedAngle(entries.get(i + 1))) {
        merged.add(quoteName(entry, entries.get(i + 1)));
        i++;
      } else {
        merged.add(entry);
      }
    }
    return merged;
  }

  private static boolean startsWithNamedAngle(String entry) {
    int angle = entry.indexOf('<');
    int at = entry.indexOf('@');
    return angle > 0 && (at < 0 || angle < at) && !entry.substring(0, angle).isBlank();
  }

  private static String quoteName(String first, String second) {
    int angle = second.indexOf('<');
    String name = first.trim() + ", " + second.substring(0, angle).replace("\"", "").trim();
    return "\""
        + name.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\" "
        + second.substring(angle);
  }
}
