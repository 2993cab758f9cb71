package dev.officeflow.vespasim.selection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Compares two operand values the way Vespa's selection language does, for the types we store. */
final class Comparison {

  private Comparison() {}

  static boolean holds(@Nullable Object left, Operator operator, @Nullable Object right) {
    if (left instanceof List<?> elements) {
      return elements.stream().anyMatch(element -> holds(element, operator, right));
    }
    if (right instanceof List<?> elements) {
      return elements.stream().anyMatch(element -> holds(left, operator, element));
    }
    if (left == null || right == null) {
      return nullComparison(left == right, operator);
    }
    if (left instanceof String l && right instanceof String r) {
      return strings(l, operator, r);
    }
    BigDecimal l = numeric(left);
    BigDecimal r = numeric(right);
    if (l == null || r == null) {
      return operator == Operator.NE;
    }
    return operator != Operator.REGEX && operator.accepts(l.compareTo(r));
  }

  private static boolean nullComparison(boolean bothNull, Operator operator) {
    return switch (operator) {
      case EQ, GLOB -> bothNull;
      case NE -> !bothNull;
      default -> false;
    };
  }

  private static boolean strings(String left, Operator operator, String right) {
    return switch (operator) {
      case GLOB -> globPattern(right).matcher(left).matches();
      case REGEX -> Pattern.compile(right).matcher(left).find();
      default -> operator.accepts(left.compareTo(right));
    };
  }

  /** Numbers, and booleans as 1 and 0; null for anything else. */
  static @Nullable BigDecimal numeric(@Nullable Object value) {
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return null;
  }

  private static Pattern globPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
