package dev.officeflow.vespasim.schema;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A document type: its name and the fields declared inside its {@code document} block.
 *
 * @param name the document type name
 * @param fields field name to type, in name order
 */
public record DocumentSchema(String name, Map<String, FieldType> fields) {

  public DocumentSchema {
    fields = Map.copyOf(fields);
  }

  public Optional<FieldType> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }

  /** The field names in sorted order, as Vespa lists them in its error messages. */
  public String fieldNames() {
    return new TreeMap<>(fields).keySet().toString();
  }
}
