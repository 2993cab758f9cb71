package dev.officeflow.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonDifferencesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void membersInAnotherOrderAreTheSameDocument() {
    assertThat(
            JsonDifferences.between(json("{\"a\":1,\"b\":[1,2]}"), json("{\"b\":[1,2],\"a\":1}")))
        .isEmpty();
  }

  @Test
  void eachDifferenceIsAPointerWithWhatHappenedThere() {
    JsonNode expected = json("{\"paths\":{\"/v1/me\":{\"get\":{}}},\"n\":1,\"l\":[1]}");
    JsonNode actual = json("{\"paths\":{\"/v1/you\":{\"get\":{}}},\"n\":2,\"l\":[1,2]}");

    assertThat(JsonDifferences.between(expected, actual))
        .containsExactly("+ /l/1", "~ /n: 1 → 2", "- /paths/~1v1~1me", "+ /paths/~1v1~1you");
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
