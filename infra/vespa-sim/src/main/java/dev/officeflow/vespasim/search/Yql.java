package dev.officeflow.vespasim.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The YQL the sim understands: {@code select <* | fields> from (sources (* | types) | types) [where
 * <condition>] [;]}, where a condition combines {@code and}, {@code or}, {@code !}, parentheses,
 * {@code userQuery()}, {@code userInput(@param)} or {@code userInput("text")} with optional {@code
 * {defaultIndex: "...", grammar: "..."}} annotations, {@code field contains "text"}, {@code field =
 * true|false|number|"string"}, {@code true} and {@code false}. Anything else (order by, limit,
 * grouping, other operators) is refused as Vespa refuses a YQL it cannot parse.
 *
 * @param sources the document types named after {@code from}; empty for {@code sources *}
 * @param where the condition; {@code true} when there is no where clause
 */
public record Yql(List<String> sources, Condition where) {

  public Yql {
    sources = List.copyOf(sources);
  }

  public static Yql parse(String yql) {
    return new Parser(YqlLexer.lex(yql)).query();
  }

  private static final class Parser {

    private final List<YqlLexer.Token> tokens;
    private int at;

    Parser(List<YqlLexer.Token> tokens) {
      this.tokens = tokens;
    }

    Yql query() {
      keyword("select");
      if (!accept("*")) {
        do {
          identifier();
        } while (accept(","));
      }
      keyword("from");
      List<String> sources = new ArrayList<>();
      boolean all = false;
      if (peekWord("sources")) {
        at++;
        all = accept("*");
      }
      if (!all) {
        do {
          sources.add(identifier());
        } while (accept(","));
      }
      Condition where = new Condition.Always(true);
      if (peekWord("where")) {
        at++;
        where = or();
      }
      accept(";");
      if (peek().kind() != YqlLexer.Kind.END) {
        throw error("unexpected '" + peek().text() + "'");
      }
      return new Yql(sources, where);
    }

    private Condition or() {
      List<Condition> any = new ArrayList<>(List.of(and()));
      while (peekWord("or")) {
        at++;
        any.add(and());
      }
      return any.size() == 1 ? any.get(0) : new Condition.Or(any);
    }

    private Condition and() {
      List<Condition> all = new ArrayList<>(List.of(unary()));
      while (peekWord("and")) {
        at++;
        all.add(unary());
      }
      return all.size() == 1 ? all.get(0) : new Condition.And(all);
    }

    private Condition unary() {
      if (accept("!")) {
        return new Condition.Not(unary());
      }
      if (accept("(")) {
        Condition inner = or();
        expect(")");
        return inner;
      }
      Map<String, String> annotations = peek().text().equals("{") ? annotations() : Map.of();
      return primary(annotations);
    }

    private Condition primary(Map<String, String> annotations) {
      String name = identifier();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("true") || lower.equals("false")) {
        return new Condition.Always(lower.equals("true"));
      }
      if (name.equals("userQuery")) {
        expect("(");
        expect(")");
        return new Condition.UserQuery();
      }
      if (name.equals("userInput")) {
        return userInput(annotations);
      }
      if (peekWord("contains")) {
        at++;
        String text = string();
        return new Condition.Text(name, Tokens.words(text), text);
      }
      if (accept("=")) {
        return new Condition.Equals(name, literal());
      }
      throw error("expected 'contains' or '=' after '" + name + "'");
    }

    private Condition userInput(Map<String, String> annotations) {
      expect("(");
      String parameter = null;
      String literal = null;
      if (accept("@")) {
        parameter = identifier();
      } else {
        literal = string();
      }
      expect(")");
      return new Condition.UserInput(
          parameter,
          literal,
          annotations.getOrDefault("defaultIndex", "default"),
          annotations.getOrDefault("grammar", "all"));
    }

    private Map<String, String> annotations() {
      expect("{");
      Map<String, String> annotations = new HashMap<>();
      if (!accept("}")) {
        do {
          String key = identifier();
          expect(":");
          YqlLexer.Token value = next();
          annotations.put(key, value.text());
        } while (accept(","));
        expect("}");
      }
      return annotations;
    }

    private Object literal() {
      YqlLexer.Token token = next();
      return switch (token.kind()) {
        case STRING -> token.text();
        case NUMBER -> Double.parseDouble(token.text());
        case WORD -> {
          String lower = token.text().toLowerCase(Locale.ROOT);
          if (!lower.equals("true") && !lower.equals("false")) {
            throw error("expected a literal, got '" + token.text() + "'");
          }
          yield Boolean.parseBoolean(lower);
        }
        default -> throw error("expected a literal, got '" + token.text() + "'");
      };
    }

    private String string() {
      YqlLexer.Token token = next();
      if (token.kind() != YqlLexer.Kind.STRING) {
        throw error("expected a quoted string, got '" + token.text() + "'");
      }
      return token.text();
    }

    private String identifier() {
      YqlLexer.Token token = next();
      if (token.kind() != YqlLexer.Kind.WORD) {
        throw error("expected a name, got '" + token.text() + "'");
      }
      return token.text();
    }

    private void keyword(String word) {
      if (!peekWord(word)) {
        throw error("expected '" + word + "', got '" + peek().text() + "'");
      }
      at++;
    }

    private boolean peekWord(String word) {
      YqlLexer.Token token = peek();
      return token.kind() == YqlLexer.Kind.WORD && token.text().equalsIgnoreCase(word);
    }

    private boolean accept(String symbol) {
      if (peek().kind() == YqlLexer.Kind.SYMBOL && peek().text().equals(symbol)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String symbol) {
      if (!accept(symbol)) {
        throw error("expected '" + symbol + "', got '" + peek().text() + "'");
      }
    }

    private YqlLexer.Token peek() {
      return tokens.get(at);
    }

    private YqlLexer.Token next() {
      YqlLexer.Token token = tokens.get(at);
      if (token.kind() != YqlLexer.Kind.END) {
        at++;
      }
      return token;
    }

    private static SearchException error(String detail) {
      return SearchException.invalidParameter("Could not instantiate query from YQL: " + detail);
    }
  }
}
