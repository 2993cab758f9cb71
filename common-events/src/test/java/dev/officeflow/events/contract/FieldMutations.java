package dev.officeflow.events.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field of an event's JSON changed in every way a writer could get it wrong, one change at a
 * time: removed, null, each other JSON type, blank text, an impossible or non-UTC timestamp, a
 * negative or fractional number, a null or mistyped list element, a null or mistyped map value.
 * Nested objects and the first element of each list are changed field by field too.
 */
final class FieldMutations {

  /** One change, named by its dotted path ({@code email.to_addresses[0] = 5}). */
  record Mutation(String name, JsonNode data) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern TIMESTAMP = Pattern.compile(Patterns.TIMESTAMP);
  private static final List<String> BAD_TIMESTAMPS =
      List.of(
          "2026-13-01T00:00:00Z",
          "2026-02-30T00:00:00Z",
          "2026-11-01T24:00:00Z",
          "2026-11-01",
          "2026-11-01T09:30:00+01:00",
          "2026-11-01 09:30:00",
          "soon");
  private static final List<String> BLANKS = List.of("", "  ", "\t\n", "\u001f", "\u2003");

  private FieldMutations() {}

  static List<Mutation> of(JsonNode event) {
    List<Mutation> mutations = new ArrayList<>();
    for (JsonNode whole : List.of(NODES.nullNode(), NODES.arrayNode(), NODES.stringNode("x"))) {
      mutations.add(new Mutation("the whole event = " + whole, whole));
    }
    mutate(event, event, List.of(), mutations);
    return mutations;
  }

  private static void mutate(JsonNode root, JsonNode node, List<Object> path, List<Mutation> out) {
    if (node instanceof ObjectNode object) {
      for (String name : object.propertyNames()) {
        List<Object> child = append(path, name);
        out.add(changed(root, child, null));
        values(object.get(name), root, child, out);
        mutate(root, object.get(name), child, out);
      }
      for (JsonNode extra : List.of(NODES.nullNode(), NODES.numberNode(5), NODES.objectNode())) {
        out.add(changed(root, append(path, "zz_added"), extra));
      }
    } else if (node instanceof ArrayNode array && !array.isEmpty()) {
      mutate(root, array.get(0), append(path, 0), out);
    }
  }

  /** Every other value for the field at {@code path}, holding {@code value} now. */
  private static void values(JsonNode value, JsonNode root, List<Object> path, List<Mutation> out) {
    List<JsonNode> others = new ArrayList<>(wrongTypes(value));
    others.add(NODES.nullNode());
    if (value.isString()) {
      BLANKS.forEach(blank -> others.add(NODES.stringNode(blank)));
      if (TIMESTAMP.matcher(value.stringValue()).matches()) {
        BAD_TIMESTAMPS.forEach(bad -> others.add(NODES.stringNode(bad)));
      }
    }
    if (value.isNumber()) {
      others.add(NODES.numberNode(-1));
      others.add(NODES.numberNode(1.5));
    }
    if (value.isArray()) {
      for (JsonNode element : wrongTypes(NODES.missingNode())) {
        others.add(NODES.arrayNode().add(element));
      }
      others.add(NODES.arrayNode().addNull());
    }
    for (JsonNode other : others) {
      out.add(changed(root, path, other));
    }
  }

  /** A value of each JSON type other than {@code value}'s. */
  private static List<JsonNode> wrongTypes(JsonNode value) {
    List<JsonNode> wrong = new ArrayList<>();
    for (JsonNode candidate :
        List.of(
            NODES.stringNode("x"),
            NODES.numberNode(5),
            NODES.booleanNode(true),
            NODES.objectNode(),
            NODES.arrayNode())) {
      if (candidate.getNodeType() != value.getNodeType()) {
        wrong.add(candidate);
      }
    }
    return wrong;
  }

  /**
   * A copy of {@code root} with the property at {@code path} (names and list indexes) set to {@code
   * value}, or removed when it is null.
   */
  private static Mutation changed(JsonNode root, List<Object> path, @Nullable JsonNode value) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
    }
    String last = (String) path.get(path.size() - 1);
    if (value == null) {
      ((ObjectNode) parent).remove(last);
      return new Mutation("remove " + name(path), copy);
    }
    ((ObjectNode) parent).set(last, value);
    return new Mutation(name(path) + " = " + value, copy);
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(step);
    return longer;
  }

  private static String name(List<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer index) {
        name.append('[').append(index).append(']');
      } else {
        name.append(name.isEmpty() ? "" : ".").append(step);
      }
    }
    return name.toString();
  }
}
