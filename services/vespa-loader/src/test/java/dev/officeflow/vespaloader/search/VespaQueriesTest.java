package dev.officeflow.vespaloader.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VespaQueriesTest {

  private static final String HOSTILE = "\") or true; select * from sources * where \"1\"=\"1";

  @Test
  void theUsersTextIsAParameterAndNeverPartOfTheYql() {
    SearchQuery query = new SearchQuery("u1", HOSTILE, EnumSet.allOf(SearchType.class), 20, 40);

    Map<String, Object> body = VespaQueries.body(query, "recency", Duration.ofSeconds(2));

    assertThat(body.get("q")).isEqualTo(HOSTILE);
    assertThat((String) body.get("yql")).doesNotContain("or true").contains("userInput(@q)");
    assertThat(body)
        .containsEntry("streaming.groupname", "u1")
        .containsEntry("hits", 20)
        .containsEntry("offset", 40)
        .containsEntry("ranking.profile", "recency");
  }

  @Test
  void theYqlNamesTheChosenDocumentTypesAndLeavesTombstonesOut() {
    String yql = VespaQueries.yql(Set.of(SearchType.TODO, SearchType.CALENDAR));

    assertThat(yql)
        .isEqualTo(
            "select * from sources calendar_event, todo where ({defaultIndex: \"default\","
                + " grammar: \"all\"}userInput(@q)) and !(deleted = true)");
  }
}
