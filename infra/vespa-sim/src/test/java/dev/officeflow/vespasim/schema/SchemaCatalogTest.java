package dev.officeflow.vespasim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCatalogTest {

  private static final Path SCHEMAS = Path.of("../vespa/schemas");
  private static final List<String> COMMON =
      List.of(
          "user_id",
          "doc_type",
          "provider",
          "provider_id",
          "title",
          "content",
          "created_at",
          "last_updated",
          "sync_timestamp",
          "operation",
          "batch_id",
          "tags",
          "deleted",
          "deleted_at");

  /** The data document types; {@code forgotten_user} is vespa-loader's record, not an item. */
  private static final List<String> DATA_TYPES =
      List.of("calendar_event", "contact", "email", "office_document", "todo");

  @TempDir Path temp;

  @Test
  void theApplicationPackageDefinesTheFiveDataTypesAndTheForgottenUsers() {
    SchemaCatalog catalog = SchemaCatalog.load(SCHEMAS);

    assertThat(catalog.doctypes())
        .containsExactly(
            "calendar_event", "contact", "email", "forgotten_user", "office_document", "todo");
  }

  @Test
  void everyDataTypeHasTheCommonFieldsWithLastUpdatedAsALong() {
    SchemaCatalog catalog = SchemaCatalog.load(SCHEMAS);

    for (String doctype : DATA_TYPES) {
      DocumentSchema schema = catalog.find(doctype).orElseThrow();
      assertThat(schema.fields()).as(doctype).containsKeys(COMMON.toArray(String[]::new));
      assertThat(schema.field("last_updated").orElseThrow().kind())
          .isEqualTo(FieldType.Kind.INTEGER);
    }
  }

  @Test
  void typeSpecificFieldsStayWithTheirType() {
    SchemaCatalog catalog = SchemaCatalog.load(SCHEMAS);

    assertThat(catalog.find("email").orElseThrow().field("to_addresses").orElseThrow().declared())
        .isEqualTo("array<string>");
    assertThat(catalog.find("contact").orElseThrow().fields())
        .containsKey("relevance")
        .doesNotContainKey("from_address");
    assertThat(catalog.find("calendar_event").orElseThrow().fields())
        .containsKeys("start_time", "attendees");
    assertThat(catalog.find("todo").orElseThrow().fields())
        .containsKeys("list_id", "due", "completed");
  }

  @Test
  void onlyFieldsDirectlyInTheDocumentBlockAreFeedable() throws Exception {
    Files.writeString(
        temp.resolve("note.sd"),
        """
        # field commented type string {
        schema note {
            document note {
                struct author { field name type string {} }
                field title type string { indexing: summary }
                field people type array<author> { indexing: summary }
                field weights type map<string, int> { indexing: summary }
            }
            field title_length type int { indexing: input title | summary }
        }
        """);

    DocumentSchema note = SchemaCatalog.load(temp).find("note").orElseThrow();

    assertThat(note.fields()).containsOnlyKeys("title", "people", "weights");
    assertThat(note.field("weights").orElseThrow().kind()).isEqualTo(FieldType.Kind.MAP);
  }

  @Test
  void aDirectoryWithoutSchemasIsAnError() {
    assertThatThrownBy(() -> SchemaCatalog.load(temp)).hasMessageContaining("No .sd files");
  }
}
