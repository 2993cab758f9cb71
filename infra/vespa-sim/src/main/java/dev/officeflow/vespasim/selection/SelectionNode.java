package dev.officeflow.vespasim.selection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The syntax tree of a selection: boolean expressions over operands. */
final class SelectionNode {

  private SelectionNode() {}

  /** A boolean expression. */
  sealed interface Expr permits Or, And, Not, Compare, Bare {
    boolean test(Subject subject);
  }

  /** A value: literal, field, document type or id part; {@code null} means absent. */
  sealed interface Operand permits Literal, FieldRef, DoctypeRef, IdRef, Now, Arithmetic, Group {
    @Nullable Object value(Subject subject);
  }

  record Or(Expr left, Expr right) implements Expr {
    @Override
    public boolean test(Subject subject) {
      return left.test(subject) || right.test(subject);
    }
  }

  record And(Expr left, Expr right) implements Expr {
    @Override
    public boolean test(Subject subject) {
      return left.test(subject) && right.test(subject);
    }
  }

  record Not(Expr inner) implements Expr {
    @Override
    public boolean test(Subject subject) {
      return !inner.test(subject);
    }
  }

  record Compare(Operand left, Operator operator, Operand right) implements Expr {
    @Override
    public boolean test(Subject subject) {
      return Comparison.holds(left.value(subject), operator, right.value(subject));
    }
  }

  /**
   * An operand used as a condition: a field is true when it is set (a bool field holding false too,
   * as in Vespa), a document type when the document has it, a boolean value its value.
   */
  record Bare(Operand operand) implements Expr {
    @Override
    public boolean test(Subject subject) {
      Object value = operand.value(subject);
      if (operand instanceof FieldRef) {
        return value != null;
      }
      return value instanceof Boolean b ? b : value != null;
    }
  }

  record Literal(@Nullable Object constant) implements Operand {
    @Override
    public @Nullable Object value(Subject subject) {
      return constant;
    }
  }

  /** {@code doctype.field[.sub...]}: absent when the document has another type. */
  record FieldRef(String doctype, List<String> path) implements Operand {
    @Override
    public @Nullable Object value(Subject subject) {
      if (!subject.doctype().equals(doctype)) {
        return null;
      }
      JsonNode node = subject.fields();
      for (String name : path) {
        node = node.path(name);
      }
      return plain(node);
    }
  }

  /** A bare document type name: the name itself when the document is of that type. */
  record DoctypeRef(String name) implements Operand {
    @Override
    public @Nullable Object value(Subject subject) {
      return subject.doctype().equals(name) ? name : null;
    }
  }

  /** {@code id} or {@code id.group}. */
  record IdRef(boolean group) implements Operand {
    @Override
    public @Nullable Object value(Subject subject) {
      if (!group) {
        return subject.id();
      }
      return subject.group().isEmpty() ? null : subject.group();
    }
  }

  /** {@code now()}: the evaluation time in epoch seconds. */
  record Now() implements Operand {
    @Override
    public Object value(Subject subject) {
      return BigDecimal.valueOf(subject.now().getEpochSecond());
    }
  }

  /**
   * {@code left op right} for {@code + - * / %} on numbers; absent when either side is not a
   * number. Division of integers is integer division, as Vespa's on long fields.
   */
  record Arithmetic(Operand left, char operator, Operand right) implements Operand {
    @Override
    public @Nullable Object value(Subject subject) {
      BigDecimal l = Comparison.numeric(left.value(subject));
      BigDecimal r = Comparison.numeric(right.value(subject));
      if (l == null || r == null) {
        return null;
      }
      boolean integers = l.stripTrailingZeros().scale() <= 0 && r.stripTrailingZeros().scale() <= 0;
      return switch (operator) {
        case '+' -> l.add(r);
        case '-' -> l.subtract(r);
        case '*' -> l.multiply(r);
        case '/' ->
            r.signum() == 0
                ? null
                : integers ? l.divideToIntegralValue(r) : l.divide(r, MathContext.DECIMAL64);
        case '%' -> r.signum() == 0 ? null : l.remainder(r);
        default -> throw new IllegalStateException("operator " + operator);
      };
    }
  }

  /**
   * A parenthesised expression in value position: {@code (now() - 60) * 1000}, or a boolean
   * expression as its truth value.
   */
  record Group(Expr inner) implements Operand {
    @Override
    public @Nullable Object value(Subject subject) {
      return inner instanceof Bare bare ? bare.operand().value(subject) : inner.test(subject);
    }
  }

  /** JSON to plain Java values: numbers, strings, booleans, lists; null when absent. */
  static @Nullable Object plain(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<@Nullable Object> values = new ArrayList<>();
      node.values().forEach(element -> values.add(plain(element)));
      return values;
    }
    return node.isString() ? node.stringValue() : node;
  }
}
