package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;

import com.yahoo.document.DataType;
import com.yahoo.document.Document;
import com.yahoo.document.DocumentPut;
import com.yahoo.document.DocumentType;
import com.yahoo.document.datatypes.BoolFieldValue;
import com.yahoo.document.datatypes.LongFieldValue;
import com.yahoo.document.select.DocumentSelector;
import dev.officeflow.vespasim.schema.SchemaCatalog;
import dev.officeflow.vespasim.selection.Selection;
import dev.officeflow.vespasim.selection.Subject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sim's selections answer as Vespa's own evaluator ({@code com.yahoo.document.select}) does,
 * for what officeflow relies on: vespa-loader's test-and-set conditions and the garbage-collection
 * selections of {@code services.xml}, over live documents, tombstones and documents written before
 * tombstones existed.
 */
class SelectionParityTest {

  private static final DocumentType EMAIL = emailType();

  @Test
  void vespaLoadersConditionsMatchExactlyWhereVespaWouldApplyTheWrite() throws Exception {
    List<String> conditions = new ArrayList<>();
    for (long version : new long[] {999, 1_000, 1_001}) {
      conditions.add("email.last_updated <= " + version);
      conditions.add(
          "email.last_updated < "
              + version
              + " or (email.last_updated == "
              + version
              + " and email.deleted != true)");
    }
    conditions.add("not email.deleted");
    conditions.add("email.deleted");
    for (String condition : conditions) {
      assertSameAnswers(condition);
    }
  }

  @Test
  void theGarbageCollectionSelectionOfServicesXmlKeepsExactlyWhatVespaWouldKeep() throws Exception {
    ClusterSelections selections =
        ClusterSelections.load(
            Path.of("../vespa/services.xml"), SchemaCatalog.load(Fixtures.SCHEMAS));

    assertThat(selections.garbageCollection()).isTrue();
    assertSameAnswers(selections.selection("email").orElseThrow().toString());
  }

  private static void assertSameAnswers(String selection) throws Exception {
    DocumentSelector vespa = new DocumentSelector(selection);
    Selection sim = Selection.parse(selection);
    for (Document document : documents()) {
      boolean expected =
          vespa.accepts(new DocumentPut(document)) == com.yahoo.document.select.Result.TRUE;
      Subject subject =
          new Subject(document.getId().toString(), "email", "u1", fields(document), Instant.now());
      assertThat(sim.matches(subject)).as("%s on %s", selection, document).isEqualTo(expected);
    }
  }

  /** A live document, one without the tombstone fields, a fresh tombstone and an expired one. */
  private static List<Document> documents() {
    long now = Instant.now().toEpochMilli();
    return List.of(
        document("live", 1_000, false, null),
        document("older-shape", 1_000, null, null),
        document("tombstone", 1_000, true, now - Duration.ofDays(1).toMillis()),
        document("expired", 1_000, true, now - Duration.ofDays(41).toMillis()),
        document("newer", 1_001, null, null));
  }

  private static Document document(String name, long lastUpdated, Boolean deleted, Long deletedAt) {
    Document document = new Document(EMAIL, "id:officeflow:email:g=u1:" + name);
    document.setFieldValue("last_updated", new LongFieldValue(lastUpdated));
    if (deleted != null) {
      document.setFieldValue("deleted", new BoolFieldValue(deleted));
    }
    if (deletedAt != null) {
      document.setFieldValue("deleted_at", new LongFieldValue(deletedAt));
    }
    return document;
  }

  private static ObjectNode fields(Document document) {
    ObjectNode fields = Json.object();
    document
        .iterator()
        .forEachRemaining(
            entry -> {
              Object value = entry.getValue().getWrappedValue();
              if (value instanceof Boolean b) {
                fields.put(entry.getKey().getName(), b);
              } else {
                fields.put(entry.getKey().getName(), ((Number) value).longValue());
              }
            });
    return fields;
  }

  private static DocumentType emailType() {
    DocumentType type = new DocumentType("email");
    type.addField("last_updated", DataType.LONG);
    type.addField("deleted", DataType.BOOL);
    type.addField("deleted_at", DataType.LONG);
    return type;
  }
}
