package dev.officeflow.vespasim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YqlTest {

  @Test
  void readsTheQueryOfficeflowSends() {
    Yql yql =
        Yql.parse(
            "select * from sources email, todo where ({defaultIndex: \"default\", grammar:"
                + " \"all\"}userInput(@q)) and !(deleted = true)");

    assertThat(yql.sources()).containsExactly("email", "todo");
    assertThat(yql.where())
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.UserInput("q", null, "default", "all"),
                    new Condition.Not(new Condition.Equals("deleted", true)))));
  }

  @Test
  void sourcesStarAndNoWhereSearchEverything() {
    Yql yql = Yql.parse("select title from sources *;");

    assertThat(yql.sources()).isEmpty();
    assertThat(yql.where()).isEqualTo(new Condition.Always(true));
  }

  @Test
  void containsTakesAQuotedStringWithEscapes() {
    assertThat(Yql.parse("select * from email where title contains \"say \\\"hi\\\"\"").where())
        .isEqualTo(new Condition.Text("title", List.of("say", "hi"), "say \"hi\""));
  }

  @Test
  void whatTheSimDoesNotKnowIsRefused() {
    assertThatThrownBy(() -> Yql.parse("select * from sources * where true order by title"))
        .isInstanceOf(SearchException.class)
        .hasMessageStartingWith("Could not instantiate query from YQL");
    assertThatThrownBy(() -> Yql.parse("select * from sources * where title matches \"x\""))
        .isInstanceOf(SearchException.class);
    assertThatThrownBy(() -> Yql.parse("select * from sources * where title contains \"x"))
        .isInstanceOf(SearchException.class);
  }
}
