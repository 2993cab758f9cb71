package dev.officeflow.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Where two JSON documents differ, as JSON pointers ({@code /paths/~1v1~1me/get}): what only the
 * expected one has ({@code -}), what only the actual one has ({@code +}) and what both have with
 * other values ({@code ~}). Objects compare by member, arrays by position.
 */
final class JsonDifferences {

  private JsonDifferences() {}

  static List<String> between(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("", expected, actual, out);
    return out;
  }

  private static void compare(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>(expected.propertyNames());
      names.addAll(actual.propertyNames());
      for (String name : names) {
        member(at + "/" + escape(name), expected.get(name), actual.get(name), out);
      }
    } else if (expected.isArray() && actual.isArray()) {
      for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
        member(at + "/" + i, expected.get(i), actual.get(i), out);
      }
    } else {
      out.add("~ " + pointer(at) + ": " + expected + " → " + actual);
    }
  }

  private static void member(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected == null) {
      out.add("+ " + at);
    } else if (actual == null) {
      out.add("- " + at);
    } else {
      compare(at, expected, actual, out);
    }
  }

  private static String pointer(String at) {
    return at.isEmpty() ? "/" : at;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
