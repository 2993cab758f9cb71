package dev.officeflow.office.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an address list ({@code "Doe, Jane" (work) <jane@example.com>}, {@code
 * jane@example.com (Jane)}, {@code <@relay:jane@example.com>}) into a {@link NamedAddress}, or
 * empty when it holds no valid address.
 */
final class MailboxParser {

  private MailboxParser() {}

  /** The parts of an entry: the phrase outside brackets, the angle address, the comments. */
  private record Parts(String phrase, @Nullable String angle, List<String> comments) {}

  static Optional<NamedAddress> parse(String entry) {
    Parts parts = parts(entry);
    String candidate;
    String name;
    if (parts.angle() != null) {
      candidate = withoutRoute(parts.angle());
      name = parts.phrase();
    } else if (AddressSyntax.normalize(parts.phrase()).isPresent()) {
      candidate = parts.phrase();
      name = "";
    } else {
      // No brackets: the address is the last word with an @ in it ("Ana ana@example.com").
      List<String> words = List.of(parts.phrase().trim().split("\\s+"));
      int at = lastWithAt(words);
      candidate = at < 0 ? parts.phrase() : words.get(at);
      name = at < 0 ? "" : String.join(" ", without(words, at));
    }
    return AddressSyntax.normalize(candidate)
        .map(address -> new NamedAddress(address, displayName(name, parts.comments(), address)));
  }

  private static Parts parts(String entry) {
    StringBuilder phrase = new StringBuilder();
    StringBuilder angle = null;
    boolean angleClosed = false;
    List<String> comments = new ArrayList<>();
    StringBuilder comment = new StringBuilder();
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (depth > 0) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth == 0) {
          comments.add(comment.toString());
          comment.setLength(0);
        } else {
          comment.append(c);
        }
      } else if (quoted || angle == null || angleClosed) {
        if (!quoted && c == '(') {
          depth = 1;
        } else if (!quoted && c == '<' && angle == null) {
          angle = new StringBuilder();
        } else if (angle == null) {
          phrase.append(c);
          quoted = c == '"' ? !quoted : quoted;
          if (quoted && c == '\\' && i + 1 < entry.length()) {
            phrase.append(entry.charAt(++i));
          }
        }
      } else if (c == '>') {
        angleClosed = true;
      } else {
        angle.append(c);
      }
    }
    return new Parts(phrase.toString(), angle == null ? null : angle.toString(), comments);
  }

  /** {@code @relay1,@relay2:user@example.com} (an obsolete source route) → the address. */
  private static String withoutRoute(String angle) {
    String trimmed = angle.trim();
    int colon = trimmed.indexOf(':');
    boolean route = trimmed.startsWith("@") && colon > 0;
    return route ? trimmed.substring(colon + 1) : trimmed;
  }

  private static int lastWithAt(List<String> words) {
    for (int i = words.size() - 1; i >= 0; i--) {
      if (words.get(i).contains("@")) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> without(List<String> words, int index) {
    List<String> rest = new ArrayList<>(words);
    rest.remove(index);
    return rest;
  }

  /** The decoded name; a comment stands in when there is no phrase ({@code a@b.c (Ana)}). */
  private static @Nullable String displayName(String phrase, List<String> comments, String addr) {
    String name = clean(unquote(phrase));
    if (name.isEmpty() && !comments.isEmpty()) {
      name = clean(comments.get(0));
    }
    if (name.isEmpty() || name.toLowerCase(Locale.ROOT).equals(addr)) {
      return null;
    }
    return name;
  }

  /** Quoted strings lose their quotes and escapes; unquoted words stay as they are. */
  private static String unquote(String phrase) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted && c == '\\' && i + 1 < phrase.length()) {
        out.append(phrase.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String clean(String text) {
    String decoded = EncodedWords.decode(text.replaceAll("\\s+", " ").trim()).trim();
    boolean singleQuoted =
        decoded.length() >= 2 && decoded.startsWith("'") && decoded.endsWith("'");
    return (singleQuoted ? decoded.substring(1, decoded.length() - 1) : decoded).trim();
  }
}
