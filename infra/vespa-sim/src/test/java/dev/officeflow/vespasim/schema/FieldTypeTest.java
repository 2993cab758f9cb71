package dev.officeflow.vespasim.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class FieldTypeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0} accepts {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "long                | 1700000000000      | true",
        "long                | \"42\"             | true",
        "long                | 1.5                | false",
        "long                | \"soon\"           | false",
        "double              | 0.75               | true",
        "double              | 3                  | true",
        "bool                | true               | true",
        "bool                | 1                  | false",
        "string              | \"x\"              | true",
        "string              | 7                  | false",
        "array<string>       | [\"a\",\"b\"]      | true",
        "array<string>       | [\"a\",2]          | false",
        "array<string>       | \"a\"              | false",
        "map<string, string> | {\"account\":\"a\"} | true",
        "map<string, string> | \"a\"              | false",
        "tensor<float>(x[2]) | [1,2]              | true",
        "long                | null               | true",
      })
  void valuesAreCheckedAgainstTheDeclaredType(String type, String json, boolean accepted) {
    assertThat(FieldType.parse(type).problemWith(JSON.readTree(json)).isEmpty())
        .isEqualTo(accepted);
  }
}
