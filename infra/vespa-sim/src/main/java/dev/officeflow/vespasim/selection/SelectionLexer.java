package dev.officeflow.vespasim.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/** Splits a selection into tokens. */
final class SelectionLexer {

  enum Kind {
    OPEN,
    CLOSE,
    IDENTIFIER,
    NUMBER,
    STRING,
    OPERATOR,
    ARITHMETIC,
    END
  }

  record Token(Kind kind, String text, int position) {}

  private static final List<String> OPERATORS =
      List.of("==", "!=", "<=", ">=", "=~", "<", ">", "=");
  private static final String ARITHMETIC = "+-*/%";
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

  private final String text;
  private int position;

  SelectionLexer(String text) {
    this.text = text;
  }

  List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    skipWhitespace();
    while (position < text.length()) {
      tokens.add(next(tokens.isEmpty() ? null : tokens.get(tokens.size() - 1)));
      skipWhitespace();
    }
    tokens.add(new Token(Kind.END, "", position));
    return tokens;
  }

  /**
   * @param previous the token before, which decides whether a {@code -} before a digit is a sign
   *     ({@code < -5}) or a subtraction ({@code now() -5})
   */
  private Token next(@Nullable Token previous) {
    int start = position;
    char c = text.charAt(position);
    if (c == '(' || c == ')') {
      position++;
      return new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), start);
    }
    if (c == '"' || c == '\'') {
      return new Token(Kind.STRING, quoted(c), start);
    }
    boolean sign = c == '-' && !endsValue(previous);
    if (Character.isDigit(c) || (sign && position + 1 < text.length() && isDigitAt(1))) {
      position++;
      return new Token(
          Kind.NUMBER, text.substring(start, scan(SelectionLexer::isNumberPart)), start);
    }
    if (Character.isLetter(c) || c == '_') {
      return new Token(
          Kind.IDENTIFIER, text.substring(start, scan(SelectionLexer::isNamePart)), start);
    }
    for (String operator : OPERATORS) {
      if (text.startsWith(operator, position)) {
        position += operator.length();
        return new Token(Kind.OPERATOR, operator, start);
      }
    }
    if (ARITHMETIC.indexOf(c) >= 0) {
      position++;
      return new Token(Kind.ARITHMETIC, String.valueOf(c), start);
    }
    throw new SelectionException(text, start, "unexpected character '" + c + "'");
  }

  /** Whether {@code token} ends a value, so that an operator, not a sign, follows it. */
  private static boolean endsValue(@Nullable Token token) {
    return token != null
        && switch (token.kind()) {
          case CLOSE, NUMBER, STRING -> true;
          case IDENTIFIER -> !KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
          default -> false;
        };
  }

  private boolean isDigitAt(int offset) {
    return Character.isDigit(text.charAt(position + offset));
  }

  /** Advances past characters that {@code part} accepts and returns the new position. */
  private int scan(IntPredicate part) {
    while (position < text.length() && part.test(text.charAt(position))) {
      position++;
    }
    return position;
  }

  private static boolean isNumberPart(int c) {
    return Character.isDigit(c) || c == '.' || c == 'e' || c == 'E';
  }

  private static boolean isNamePart(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private String quoted(char quote) {
    int start = position++;
    StringBuilder value = new StringBuilder();
    while (position < text.length() && text.charAt(position) != quote) {
      char c = text.charAt(position++);
      if (c == '\\' && position < text.length()) {
        c = unescape(text.charAt(position++));
      }
      value.append(c);
    }
    if (position >= text.length()) {
      throw new SelectionException(text, start, "unterminated string");
    }
    position++;
    return value.toString();
  }

  private static char unescape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      default -> c;
    };
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }
}
