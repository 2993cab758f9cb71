package dev.officeflow.vespaloader.document;

import ai.vespa.feed.client.DocumentId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One provider item as a Vespa document.
 *
 * @param id {@code id:<namespace>:<doctype>:g=<user_id>:<provider>_<provider id>}
 * @param fields field values as plain Java values (String, Long, Double, Boolean, List, Map); unset
 *     fields are absent
 * @param lastUpdated the version, {@code last_updated} in epoch milliseconds
 */
public record VespaDocument(DocumentId id, Map<String, Object> fields, long lastUpdated) {

  public VespaDocument {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The test-and-set condition that lets this version replace the stored one only when the stored
   * one is not newer ({@code <doctype>.last_updated <= N}). An equal timestamp is not older, so a
   * redelivery or a change the provider stamps with the same time is written again.
   */
  public String notNewerCondition() {
    return id.documentType() + ".last_updated <= " + lastUpdated;
  }
}
