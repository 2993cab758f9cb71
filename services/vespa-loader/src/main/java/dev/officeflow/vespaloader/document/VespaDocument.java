package dev.officeflow.vespaloader.document;

import ai.vespa.feed.client.DocumentId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One provider item as a Vespa document: the item itself, or its tombstone once it was deleted.
 *
 * @param id {@code id:<namespace>:<doctype>:g=<user_id>:<provider>_<provider id>}
 * @param fields field values as plain Java values (String, Long, Double, Boolean, List, Map); unset
 *     fields are absent
 * @param lastUpdated the version, {@code last_updated} in epoch milliseconds
 * @param tombstone whether this is the item's tombstone ({@code deleted = true}, no content)
 */
public record VespaDocument(
    DocumentId id, Map<String, Object> fields, long lastUpdated, boolean tombstone) {

  public VespaDocument {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A live document. */
  public VespaDocument(DocumentId id, Map<String, Object> fields, long lastUpdated) {
    this(id, fields, lastUpdated, false);
  }

  /**
   * The test-and-set condition that lets this version replace the stored one (ARCHITECTURE §5):
   *
   * <ul>
   *   <li>a live version when the stored one is older, or is the same version and not a tombstone
   *       ({@code t.last_updated < N or (t.last_updated == N and t.deleted != true)}): a redelivery
   *       rewrites the same document, while a create or update as old as a delete stays out;
   *   <li>a tombstone when the stored one is not newer ({@code t.last_updated <= N}): at the same
   *       version a delete wins.
   * </ul>
   *
   * A document without {@code deleted} (every live one) satisfies {@code deleted != true}, as in
   * Vespa's selection language.
   */
  public String condition() {
    String field = id.documentType() + ".last_updated";
    if (tombstone) {
      return field + " <= " + lastUpdated;
    }
    return field
        + " < "
        + lastUpdated
        + " or ("
        + field
        + " == "
        + lastUpdated
        + " and "
        + id.documentType()
        + ".deleted != true)";
  }
}
