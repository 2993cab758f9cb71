package dev.officeflow.graphsim.odata;

import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.simkit.web.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code $select} list: the properties a client asked for. Graph keeps {@code id} and the
 * {@code @odata.etag} annotation on every selected entity, and refuses a property the type does not
 * have.
 *
 * @param fields empty means every property
 */
public record Select(List<String> fields) {

  public static final Select ALL = new Select(List.of());

  public Select {
    fields = List.copyOf(fields);
  }

  /**
   * Parses {@code a,b,c}, checking each name against {@code known} (case-insensitively, as Graph
   * does) and returning the names as the type spells them.
   *
   * @param type the OData type name for the error message, e.g. {@code microsoft.graph.message}
   */
  public static Select parse(String raw, Set<String> known, String type) {
    List<String> out = new ArrayList<>();
    for (String name : raw.split(",")) {
      String trimmed = name.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String canonical =
          known.stream()
              .filter(k -> k.equalsIgnoreCase(trimmed))
              .findFirst()
              .orElseThrow(
                  () ->
                      new GraphException(
                          400,
                          "RequestBroker--ParseUri",
                          "Could not find a property named '"
                              + trimmed
                              + "' on type '"
                              + type
                              + "'."));
      if (!out.contains(canonical)) {
        out.add(canonical);
      }
    }
    return new Select(out);
  }

  public boolean isAll() {
    return fields.isEmpty();
  }

  /** The entity cut down to the selected properties, keeping annotations and {@code id}. */
  public ObjectNode apply(ObjectNode full) {
    if (isAll()) {
      return full;
    }
    ObjectNode out = Json.object();
    for (String name : full.propertyNames()) {
      if (name.startsWith("@") || name.equals("id") || fields.contains(name)) {
        out.set(name, full.get(name));
      }
    }
    return out;
  }

  /** {@code a,b,c} again, for the links that carry it; empty for all. */
  public String odata() {
    return String.join(",", fields);
  }
}
