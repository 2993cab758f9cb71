package dev.officeflow.vespaloader.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a highlighted field: text, and whether it matched the query. A client renders the
 * pieces as text (never as HTML) and marks the matching ones.
 *
 * @param text the piece, plain text ({@code …} where Vespa left text out of a snippet)
 * @param match whether it is a query match
 */
public record Highlight(String text, boolean match) {

  private static final String OPEN = "<hi>";
  private static final String CLOSE = "</hi>";
  private static final String SEP = "<sep />";

  /**
   * Reads Vespa's marked text ({@code <hi>}…{@code </hi>} around matches, {@code <sep />} where a
   * dynamic snippet skipped text, markup characters of the field escaped) into pieces.
   */
  static List<Highlight> parse(String marked) {
    List<Highlight> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int at = 0;
    while (at < marked.length()) {
      if (marked.startsWith(OPEN, at)) {
        int close = marked.indexOf(CLOSE, at + OPEN.length());
        if (close < 0) {
          text.append(unescape(marked.substring(at + OPEN.length())));
          break;
        }
        add(pieces, text, false);
        text.append(unescape(marked.substring(at + OPEN.length(), close)));
        add(pieces, text, true);
        at = close + CLOSE.length();
      } else if (marked.startsWith(SEP, at)) {
        text.append('…');
        at += SEP.length();
      } else {
        int next = nextMarkup(marked, at);
        text.append(unescape(marked.substring(at, next)));
        at = next;
      }
    }
    add(pieces, text, false);
    return pieces;
  }

  /** The plain text of marked text: what the field says, without markup. */
  static String plain(String marked) {
    StringBuilder text = new StringBuilder();
    parse(marked).forEach(piece -> text.append(piece.text()));
    return text.toString();
  }

  private static int nextMarkup(String marked, int from) {
    int open = marked.indexOf(OPEN, from);
    int sep = marked.indexOf(SEP, from);
    int next = marked.length();
    if (open >= 0) {
      next = Math.min(next, open);
    }
    if (sep >= 0) {
      next = Math.min(next, sep);
    }
    return next == from ? from + 1 : next;
  }

  private static void add(List<Highlight> pieces, StringBuilder text, boolean match) {
    if (text.length() > 0) {
      pieces.add(new Highlight(text.toString(), match));
      text.setLength(0);
    }
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
