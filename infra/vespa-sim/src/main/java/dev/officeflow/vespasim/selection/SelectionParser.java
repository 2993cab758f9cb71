package dev.officeflow.vespasim.selection;

import dev.officeflow.vespasim.selection.SelectionLexer.Kind;
import dev.officeflow.vespasim.selection.SelectionLexer.Token;
import dev.officeflow.vespasim.selection.SelectionNode.And;
import dev.officeflow.vespasim.selection.SelectionNode.Arithmetic;
import dev.officeflow.vespasim.selection.SelectionNode.Bare;
import dev.officeflow.vespasim.selection.SelectionNode.Compare;
import dev.officeflow.vespasim.selection.SelectionNode.DoctypeRef;
import dev.officeflow.vespasim.selection.SelectionNode.Expr;
import dev.officeflow.vespasim.selection.SelectionNode.FieldRef;
import dev.officeflow.vespasim.selection.SelectionNode.Group;
import dev.officeflow.vespasim.selection.SelectionNode.IdRef;
import dev.officeflow.vespasim.selection.SelectionNode.Literal;
import dev.officeflow.vespasim.selection.SelectionNode.Not;
import dev.officeflow.vespasim.selection.SelectionNode.Now;
import dev.officeflow.vespasim.selection.SelectionNode.Operand;
import dev.officeflow.vespasim.selection.SelectionNode.Or;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over: {@code or := and ("or" and)*}, {@code and := unary ("and" unary)*},
 * {@code unary := "not" unary | sum (comparison sum)?}, {@code sum := product (("+"|"-")
 * product)*}, {@code product := primary (("*"|"/"|"%") primary)*}, {@code primary := "(" or ")" |
 * operand}; {@code now()} is an operand.
 */
final class SelectionParser {

  private final String text;
  private final List<Token> tokens;
  private final List<FieldRef> fieldRefs = new ArrayList<>();
  private int index;

  SelectionParser(String text) {
    this.text = text;
    this.tokens = new SelectionLexer(text).tokens();
  }

  Expr parse() {
    Expr expr = or();
    expect(Kind.END, "end of selection");
    return expr;
  }

  private Expr or() {
    Expr left = and();
    while (keyword("or")) {
      left = new Or(left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = unary();
    while (keyword("and")) {
      left = new And(left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (keyword("not")) {
      return new Not(unary());
    }
    Operand left = additive();
    if (peek().kind() != Kind.OPERATOR) {
      return left instanceof Group group ? group.inner() : new Bare(left);
    }
    Operator operator = operator(tokens.get(index++));
    return new Compare(left, operator, additive());
  }

  private Operand additive() {
    Operand left = multiplicative();
    while (arithmetic("+-")) {
      left = new Arithmetic(left, tokens.get(index - 1).text().charAt(0), multiplicative());
    }
    return left;
  }

  private Operand multiplicative() {
    Operand left = primary();
    while (arithmetic("*/%")) {
      left = new Arithmetic(left, tokens.get(index - 1).text().charAt(0), primary());
    }
    return left;
  }

  private Operand primary() {
    if (peek().kind() == Kind.OPEN) {
      index++;
      Expr inner = or();
      expect(Kind.CLOSE, "')'");
      return new Group(inner);
    }
    return operand();
  }

  private Operand operand() {
    Token token = tokens.get(index++);
    return switch (token.kind()) {
      case NUMBER -> new Literal(number(token));
      case STRING -> new Literal(token.text());
      case IDENTIFIER -> identifier(token);
      default -> throw error(token, "expected a value");
    };
  }

  private Operand identifier(Token token) {
    String name = token.text();
    switch (name.toLowerCase(Locale.ROOT)) {
      case "null":
        return new Literal(null);
      case "true":
        return new Literal(Boolean.TRUE);
      case "false":
        return new Literal(Boolean.FALSE);
      case "id":
        return new IdRef(false);
      case "id.group":
        return new IdRef(true);
      case "now":
        if (peek().kind() == Kind.OPEN && tokens.get(index + 1).kind() == Kind.CLOSE) {
          index += 2;
          return new Now();
        }
        break;
      default:
        break;
    }
    List<String> parts = Arrays.asList(name.split("\\.", -1));
    if (parts.stream().anyMatch(String::isEmpty) || parts.get(0).equals("id")) {
      throw error(token, "unsupported identifier '" + name + "'");
    }
    if (parts.size() == 1) {
      return new DoctypeRef(name);
    }
    FieldRef field = new FieldRef(parts.get(0), List.copyOf(parts.subList(1, parts.size())));
    fieldRefs.add(field);
    return field;
  }

  /** The field references met while parsing. */
  List<FieldRef> fieldRefs() {
    return List.copyOf(fieldRefs);
  }

  private BigDecimal number(Token token) {
    try {
      return new BigDecimal(token.text());
    } catch (NumberFormatException e) {
      throw error(token, "bad number '" + token.text() + "'");
    }
  }

  private Operator operator(Token token) {
    for (Operator operator : Operator.values()) {
      if (operator.symbol().equals(token.text())) {
        return operator;
      }
    }
    throw error(token, "unknown operator '" + token.text() + "'");
  }

  /** Consumes an arithmetic operator among {@code symbols}, if one is next. */
  private boolean arithmetic(String symbols) {
    Token token = peek();
    if (token.kind() == Kind.ARITHMETIC && symbols.contains(token.text())) {
      index++;
      return true;
    }
    return false;
  }

  private boolean keyword(String word) {
    Token token = peek();
    if (token.kind() == Kind.IDENTIFIER && token.text().equalsIgnoreCase(word)) {
      index++;
      return true;
    }
    return false;
  }

  private void expect(Kind kind, String what) {
    Token token = tokens.get(index++);
    if (token.kind() != kind) {
      throw error(token, "expected " + what);
    }
  }

  private Token peek() {
    return tokens.get(index);
  }

  private SelectionException error(Token token, String problem) {
    return new SelectionException(text, token.position(), problem);
  }
}
