package dev.officeflow.vespasim.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words the way the sim indexes and queries it: runs of letters and digits (any
 * script), lower-cased. Everything else (punctuation, quotes, operators, spaces) separates words.
 * Vespa's linguistics also stems and folds accents; the sim does neither.
 */
public final class Tokens {

  /**
   * One word of a text.
   *
   * @param word the word, lower-cased
   * @param start its first char in the text
   * @param end the char after its last
   */
  public record Token(String word, int start, int end) {}

  private Tokens() {}

  public static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      tokens.add(new Token(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
    }
    return tokens;
  }

  /** The words of {@code text}, in order. */
  public static List<String> words(String text) {
    return of(text).stream().map(Token::word).toList();
  }
}
