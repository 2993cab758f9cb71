package dev.officeflow.vespasim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserQueriesTest {

  private static final Set<String> INDEXES = Set.of("default", "title");

  @Test
  void wordsAreAllRequiredUnderTheAllGrammar() {
    assertThat(parse("Budget review", "all"))
        .isEqualTo(
            new Condition.And(
                List.of(text("default", "Budget", "budget"), text("default", "review", "review"))));
  }

  @Test
  void quotesMakeAPhraseAndAMinusExcludes() {
    assertThat(parse("\"q3 budget\" -draft", "all"))
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.Text("default", List.of("q3", "budget"), "q3 budget"),
                    new Condition.Not(text("default", "draft", "draft")))));
  }

  @Test
  void aKnownIndexPrefixSearchesThatIndexAndAnUnknownOneIsText() {
    assertThat(parse("title:plan", "all")).isEqualTo(text("title", "plan", "plan"));
    assertThat(parse("where:plan", "all"))
        .isEqualTo(new Condition.Text("default", List.of("where", "plan"), "where:plan"));
  }

  @Test
  void yqlSyntaxIsOnlyWords() {
    assertThat(parse("1=1; or true", "all"))
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.Text("default", List.of("1", "1"), "1=1;"),
                    text("default", "or", "or"),
                    text("default", "true", "true"))));
    assertThat(parse("\" or true) --", "all"))
        .isEqualTo(new Condition.Text("default", List.of("or", "true"), " or true) --"));
  }

  @Test
  void nothingToSearchForMatchesNothing() {
    assertThat(parse(" ;;; ", "all")).isEqualTo(new Condition.Always(false));
    assertThat(parse("-draft", "all")).isEqualTo(new Condition.Always(false));
  }

  @Test
  void anyMeansOneOfTheWords() {
    assertThat(parse("a b", "any"))
        .isEqualTo(new Condition.Or(List.of(text("default", "a", "a"), text("default", "b", "b"))));
  }

  @Test
  void anUnknownGrammarIsAnInvalidParameter() {
    assertThatThrownBy(() -> parse("x", "fancy"))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining("Unknown grammar");
  }

  private static Condition parse(String text, String grammar) {
    return UserQueries.parse(text, "default", grammar, INDEXES::contains);
  }

  private static Condition.Text text(String index, String raw, String word) {
    return new Condition.Text(index, List.of(word), raw);
  }
}
