package dev.officeflow.vespasim.selection;

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
  sealed interface Operand permits Literal, FieldRef, DoctypeRef, IdRef {
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

  /** An operand used as a condition: a document type, a boolean literal, or a field's presence. */
  record Bare(Operand operand) implements Expr {
    @Override
    public boolean test(Subject subject) {
      Object value = operand.value(subject);
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
