package dev.officeflow.vespasim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document as the sim stores it.
 *
 * @param id the full document id, e.g. {@code id:officeflow:email:g=u1:google_m1}
 * @param fields field values as plain Java values (String, Long/Integer, Double, Boolean, List,
 *     Map), as fed
 */
public record StoredDocument(String id, Map<String, Object> fields) {

  public StoredDocument {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
