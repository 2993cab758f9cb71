package dev.officeflow.vespasim.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A rank expression the sim can evaluate: numbers, {@code + - * /}, unary minus, parentheses, the
 * features {@code bm25(field)}, {@code attribute(field)} and {@code now} (epoch seconds), the
 * functions {@code max}, {@code min}, {@code pow}, {@code log}, {@code exp}, {@code sqrt}, {@code
 * fabs}, and the profile's own functions by name (with or without {@code ()}). Anything else fails
 * at compile time, so a schema the sim cannot rank stops it at start rather than ranking wrongly.
 */
public final class RankExpression {

  /** What a document offers to an expression. */
  public interface Features {
    double bm25(String field);

    double attribute(String field);

    double now();
  }

  private interface Node {
    double eval(Features features);
  }

  private final Node root;

  private RankExpression(Node root) {
    this.root = root;
  }

  /**
   * Compiles {@code expression} with the profile's {@code functions} (name to expression text),
   * which may call each other but not themselves.
   */
  public static RankExpression compile(String expression, Map<String, String> functions) {
    return new RankExpression(new Parser(expression, functions, new HashSet<>()).parseAll());
  }

  public double evaluate(Features features) {
    return root.eval(features);
  }

  private static final class Parser {

    private static final Map<String, DoubleUnaryOperator> UNARY =
        Map.of("log", Math::log, "exp", Math::exp, "sqrt", Math::sqrt, "fabs", Math::abs);
    private static final Map<String, DoubleBinaryOperator> BINARY =
        Map.of("max", Math::max, "min", Math::min, "pow", Math::pow);

    private final String text;
    private final Map<String, String> functions;
    private final Set<String> expanding;
    private int at;

    Parser(String text, Map<String, String> functions, Set<String> expanding) {
      this.text = text;
      this.functions = functions;
      this.expanding = expanding;
    }

    Node parseAll() {
      Node node = sum();
      skipSpace();
      if (at < text.length()) {
        throw error("unexpected '" + text.substring(at) + "'");
      }
      return node;
    }

    private Node sum() {
      Node left = product();
      while (true) {
        if (accept('+')) {
          Node l = left;
          Node r = product();
          left = f -> l.eval(f) + r.eval(f);
        } else if (accept('-')) {
          Node l = left;
          Node r = product();
          left = f -> l.eval(f) - r.eval(f);
        } else {
          return left;
        }
      }
    }

    private Node product() {
      Node left = unary();
      while (true) {
        if (accept('*')) {
          Node l = left;
          Node r = unary();
          left = f -> l.eval(f) * r.eval(f);
        } else if (accept('/')) {
          Node l = left;
          Node r = unary();
          left = f -> l.eval(f) / r.eval(f);
        } else {
          return left;
        }
      }
    }

    private Node unary() {
      if (accept('-')) {
        Node inner = unary();
        return f -> -inner.eval(f);
      }
      if (accept('(')) {
        Node inner = sum();
        expect(')');
        return inner;
      }
      skipSpace();
      if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
        return number();
      }
      return name();
    }

    private Node number() {
      int start = at;
      while (at < text.length()
          && (Character.isDigit(text.charAt(at)) || ".eE".indexOf(text.charAt(at)) >= 0)) {
        at++;
      }
      double value = Double.parseDouble(text.substring(start, at));
      return f -> value;
    }

    private Node name() {
      String name = word();
      if (name.equals("now")) {
        return Features::now;
      }
      if (name.equals("bm25") || name.equals("attribute")) {
        expect('(');
        String field = word();
        expect(')');
        return name.equals("bm25") ? f -> f.bm25(field) : f -> f.attribute(field);
      }
      if (UNARY.containsKey(name) || BINARY.containsKey(name)) {
        return call(name);
      }
      if (functions.containsKey(name)) {
        if (accept('(')) {
          expect(')');
        }
        return function(name);
      }
      throw error("vespa-sim cannot evaluate '" + name + "'");
    }

    private Node call(String name) {
      expect('(');
      List<Node> args = new ArrayList<>(List.of(sum()));
      while (accept(',')) {
        args.add(sum());
      }
      expect(')');
      if (UNARY.containsKey(name) && args.size() == 1) {
        DoubleUnaryOperator op = UNARY.get(name);
        Node arg = args.get(0);
        return f -> op.applyAsDouble(arg.eval(f));
      }
      if (BINARY.containsKey(name) && args.size() == 2) {
        DoubleBinaryOperator op = BINARY.get(name);
        Node a = args.get(0);
        Node b = args.get(1);
        return f -> op.applyAsDouble(a.eval(f), b.eval(f));
      }
      throw error(name + " takes " + (UNARY.containsKey(name) ? 1 : 2) + " arguments");
    }

    private Node function(String name) {
      if (!expanding.add(name)) {
        throw error("function '" + name + "' calls itself");
      }
      Node body = new Parser(functions.get(name), functions, expanding).parseAll();
      expanding.remove(name);
      return body;
    }

    private String word() {
      skipSpace();
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      if (start == at) {
        throw error("expected a name at '" + text.substring(at) + "'");
      }
      return text.substring(start, at);
    }

    private boolean accept(char c) {
      skipSpace();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String detail) {
      return new IllegalArgumentException("rank expression '" + text + "': " + detail);
    }
  }
}
