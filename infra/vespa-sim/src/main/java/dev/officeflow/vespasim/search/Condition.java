package dev.officeflow.vespasim.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parsed {@code where} clause, or part of one. */
public sealed interface Condition {

  /**
   * Words that must occur in this order in a text field of {@code index} (one word: a term); an
   * attribute of {@code index} matches {@code raw} whole, ignoring case.
   */
  record Text(String index, List<String> words, String raw) implements Condition {
    public Text {
      words = List.copyOf(words);
    }
  }

  /** {@code field = value}: an attribute equal to a boolean, number or string. */
  record Equals(String field, Object value) implements Condition {}

  record And(List<Condition> all) implements Condition {
    public And {
      all = List.copyOf(all);
    }
  }

  record Or(List<Condition> any) implements Condition {
    public Or {
      any = List.copyOf(any);
    }
  }

  record Not(Condition negated) implements Condition {}

  /** {@code true} or {@code false}. */
  record Always(boolean value) implements Condition {}

  /** {@code userQuery()}: the {@code query} parameter, parsed at search time. */
  record UserQuery() implements Condition {}

  /**
   * {@code userInput(@param)} or {@code userInput("text")} with its annotations.
   *
   * @param parameter the request parameter holding the text, or null for a literal
   * @param literal the text itself, or null for a parameter
   * @param defaultIndex the annotation {@code defaultIndex}, default {@code default}
   * @param grammar the annotation {@code grammar}, default {@code all}
   */
  record UserInput(
      @Nullable String parameter, @Nullable String literal, String defaultIndex, String grammar)
      implements Condition {}
}
