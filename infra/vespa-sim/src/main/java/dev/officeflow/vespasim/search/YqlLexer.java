package dev.officeflow.vespasim.search;

import java.util.ArrayList;
import java.util.List;

/** Splits YQL into words, numbers, double- or single-quoted strings (with escapes) and symbols. */
final class YqlLexer {

  enum Kind {
    WORD,
    NUMBER,
    STRING,
    SYMBOL,
    END
  }

  record Token(Kind kind, String text) {}

  private static final String SYMBOLS = "*,;()!={}:@<>";

  private YqlLexer() {}

  static List<Token> lex(String yql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < yql.length()) {
      char c = yql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        StringBuilder text = new StringBuilder();
        i = quoted(yql, i, text);
        tokens.add(new Token(Kind.STRING, text.toString()));
      } else if (Character.isDigit(c)
          || (c == '-' && i + 1 < yql.length() && Character.isDigit(yql.charAt(i + 1)))) {
        int start = i++;
        while (i < yql.length() && (Character.isDigit(yql.charAt(i)) || yql.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, yql.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < yql.length()
            && (Character.isLetterOrDigit(yql.charAt(i)) || "_.-".indexOf(yql.charAt(i)) >= 0)) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, yql.substring(start, i)));
      } else if (SYMBOLS.indexOf(c) >= 0) {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      } else {
        throw SearchException.invalidParameter(
            "Could not instantiate query from YQL: unexpected character '" + c + "'");
      }
    }
    tokens.add(new Token(Kind.END, "<end>"));
    return tokens;
  }

  private static int quoted(String yql, int open, StringBuilder text) {
    char quote = yql.charAt(open);
    int i = open + 1;
    while (i < yql.length()) {
      char c = yql.charAt(i);
      if (c == '\\' && i + 1 < yql.length()) {
        text.append(yql.charAt(i + 1));
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    throw SearchException.invalidParameter(
        "Could not instantiate query from YQL: unterminated string");
  }
}
