package dev.officeflow.vespasim.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Summaries with query words marked as Vespa writes them: {@code <hi>word</hi>} around each matched
 * word, the rest of the text escaped ({@code &lt; &gt; &amp;}, since the markup is XML-like). A
 * bolded field ({@code bolding: on}) is the whole value marked; a dynamic one ({@code summary:
 * dynamic}) is the whole value when short, else up to {@value #FRAGMENTS} fragments around matches,
 * each cut where a word ends, with {@code <sep />} where text was left out, or the value's
 * beginning when nothing in it matched.
 */
public final class Snippets {

  static final int MAX_LENGTH = 256;
  static final int FRAGMENTS = 3;
  private static final int CONTEXT = 60;
  private static final String SEP = "<sep />";

  private Snippets() {}

  public static String bold(String text, Set<String> words) {
    return marked(text, 0, text.length(), words);
  }

  public static String dynamic(String text, Set<String> words) {
    if (text.length() <= MAX_LENGTH) {
      return bold(text, words);
    }
    List<Tokens.Token> tokens = Tokens.of(text);
    List<int[]> windows = new ArrayList<>();
    for (Tokens.Token token : tokens) {
      if (windows.size() == FRAGMENTS) {
        break;
      }
      if (words.contains(token.word())
          && (windows.isEmpty() || token.start() >= windows.get(windows.size() - 1)[1])) {
        windows.add(
            new int[] {
              wordStart(tokens, token.start() - CONTEXT), wordEnd(tokens, token.end() + CONTEXT)
            });
      }
    }
    if (windows.isEmpty()) {
      windows.add(new int[] {0, wordEnd(tokens, MAX_LENGTH)});
    }
    StringBuilder out = new StringBuilder();
    int previousEnd = 0;
    for (int[] window : windows) {
      if (window[0] > previousEnd || (window[0] > 0 && out.length() == 0)) {
        out.append(SEP);
      }
      out.append(marked(text, Math.max(window[0], previousEnd), window[1], words));
      previousEnd = window[1];
    }
    if (previousEnd < text.length()) {
      out.append(SEP);
    }
    return out.toString();
  }

  /** {@code text[from, to)} escaped, with each query word in it marked. */
  private static String marked(String text, int from, int to, Set<String> words) {
    StringBuilder out = new StringBuilder();
    int at = from;
    for (Tokens.Token token : Tokens.of(text.substring(from, to))) {
      int start = from + token.start();
      int end = from + token.end();
      if (words.contains(token.word())) {
        out.append(escape(text.substring(at, start)))
            .append("<hi>")
            .append(escape(text.substring(start, end)))
            .append("</hi>");
        at = end;
      }
    }
    return out.append(escape(text.substring(at, to))).toString();
  }

  /** The start of the first word at or after {@code position} (0 when before the text). */
  private static int wordStart(List<Tokens.Token> tokens, int position) {
    if (position <= 0) {
      return 0;
    }
    for (Tokens.Token token : tokens) {
      if (token.start() >= position) {
        return token.start();
      }
    }
    return position;
  }

  /** The end of the last word ending at or before {@code position}. */
  private static int wordEnd(List<Tokens.Token> tokens, int position) {
    int end = 0;
    for (Tokens.Token token : tokens) {
      if (token.end() > position) {
        break;
      }
      end = token.end();
    }
    return end == 0
        ? Math.min(position, tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end())
        : end;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
