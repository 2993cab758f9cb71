package dev.officeflow.vespasim.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class SelectionTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Subject EMAIL =
      subject(
          "email",
          "{\"last_updated\":1700000000123,\"title\":\"Quarterly report\",\"is_read\":true,"
              + "\"labels\":[\"INBOX\",\"IMPORTANT\"],\"relevance\":0.5}");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email.last_updated < 1700000000124  | true",
        "email.last_updated < 1700000000123  | false",
        "email.last_updated <= 1700000000123 | true",
        "email.last_updated > 1700000000122  | true",
        "email.last_updated >= 1700000000124 | false",
        "email.last_updated == 1700000000123 | true",
        "email.last_updated != 1700000000123 | false",
        "email.relevance > 0.25              | true",
        "email.title == \"Quarterly report\" | true",
        "email.title = \"Quarterly*\"        | true",
        "email.title =~ \"^Q.*t$\"           | true",
        "email.is_read == true               | true",
        "email.labels == \"IMPORTANT\"       | true",
        "email.missing == null               | true",
        "email.missing < 5                   | false",
        "email.title != null                 | true",
        "email                               | true",
        "contact                             | false",
        "contact.last_updated < 9            | false",
        "true                                | true",
        "id.group == \"u1\"                  | true",
        "id == \"id:officeflow:email:g=u1:google_m1\" | true",
      })
  void comparisonsFollowVespasSelectionSemantics(String selection, boolean expected) {
    assertThat(Selection.parse(selection).matches(EMAIL)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email.last_updated < 1 or email.is_read == true                    | true",
        "email.last_updated < 1 and email.is_read == true                   | false",
        "not email.last_updated < 1                                         | true",
        "NOT (email.last_updated < 1 OR email.title == \"x\")               | true",
        "not email or email.last_updated < 1700000000200                    | true",
        "email.last_updated > 1 or email.last_updated < 1 and email.is_read == false | true",
        "not email.last_updated < 1 and false                               | false",
      })
  void booleanOperatorsCombineWithNotBindingTighterThanAndTighterThanOr(
      String selection, boolean expected) {
    assertThat(Selection.parse(selection).matches(EMAIL)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email.last_updated == 1700000000000 + 123               | true",
        "email.last_updated - 23 == 1700000000100                | true",
        "email.last_updated-23 == 1700000000100                  | true",
        "email.last_updated / 1000 == 1700000000                 | true",
        "email.last_updated % 1000 == 123                        | true",
        "email.last_updated > (now() - 60) * 1000                | false",
        "email.last_updated > (1700000100 - 1000) * 1000         | true",
        "now() > 1700000000                                      | true",
        "(email.last_updated < 1 or email.is_read) and email     | true",
        "email.missing + 1 == null                               | true",
        "email.last_updated > -5                                 | true",
      })
  void arithmeticAndNowFollowVespasSelectionSemantics(String selection, boolean expected) {
    assertThat(Selection.parse(selection).matches(EMAIL)).isEqualTo(expected);
  }

  @Test
  void aBareFieldIsTrueWhenSetEvenToFalseAsInVespa() {
    Subject unread = subject("email", "{\"is_read\":false}");

    assertThat(Selection.parse("email.is_read").matches(unread)).isTrue();
    assertThat(Selection.parse("not email.is_read").matches(unread)).isFalse();
    assertThat(Selection.parse("email.is_starred").matches(unread)).isFalse();
  }

  @Test
  void aConditionOnAnotherTypesFieldNeverMatchesEvenNegatedComparisons() {
    Subject contact = subject("contact", "{\"last_updated\":5}");

    assertThat(Selection.parse("email.last_updated < 10").matches(contact)).isFalse();
    assertThat(Selection.parse("contact.last_updated < 10").matches(contact)).isTrue();
  }

  @Test
  void theFieldsASelectionReadsAreListedPerDocumentType() {
    Selection selection =
        Selection.parse("email.last_updated < 5 or (contact.relevance > 1 and email.tags.x == 1)");

    assertThat(selection.fieldsOf("email")).containsExactly("last_updated", "tags");
    assertThat(selection.fieldsOf("contact")).containsExactly("relevance");
    assertThat(selection.fieldsOf("todo")).isEmpty();
  }

  @Test
  void unsupportedSyntaxFailsWithThePosition() {
    assertThatThrownBy(() -> Selection.parse("email.tags{account} == \"x\""))
        .isInstanceOf(SelectionException.class)
        .hasMessageContaining("position 10");
    assertThatThrownBy(() -> Selection.parse("email.last_updated <"))
        .isInstanceOf(SelectionException.class)
        .hasMessageContaining("expected a value");
    assertThatThrownBy(() -> Selection.parse("(email"))
        .isInstanceOf(SelectionException.class)
        .hasMessageContaining("')'");
  }

  private static Subject subject(String doctype, String fields) {
    return new Subject(
        "id:officeflow:" + doctype + ":g=u1:google_m1", doctype, "u1", JSON.readTree(fields));
  }
}
