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
