package dev.officeflow.vespaloader;

import dev.officeflow.vespasim.StoredDocument;
import dev.officeflow.vespasim.VespaSim;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading what vespa-sim stores, in the forms the tests compare. */
final class Documents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Documents() {}

  /** The user's documents of every type. */
  static List<StoredDocument> ofUser(VespaSim sim, String userId) {
    return sim.doctypes().stream().flatMap(type -> sim.documents(type, userId).stream()).toList();
  }

  /** The user's documents of every type that readers see: tombstones left out. */
  static List<StoredDocument> liveOfUser(VespaSim sim, String userId) {
    return ofUser(sim, userId).stream().filter(d -> !isTombstone(d)).toList();
  }

  /** A deleted item's tombstone ({@code deleted = true}), which every reader must skip. */
  static boolean isTombstone(StoredDocument document) {
    return Boolean.TRUE.equals(document.fields().get("deleted"));
  }

  static Optional<StoredDocument> find(VespaSim sim, String doctype, String userId, String id) {
    return sim.documents(doctype, userId).stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * Fields as a JSON tree, read back from text so that numbers compare by value whatever Java type
   * held them.
   */
  static JsonNode json(Map<String, Object> fields) {
    return JSON.readTree(JSON.writeValueAsString(fields));
  }
}
