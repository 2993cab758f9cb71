package dev.officeflow.vespasim;

import dev.officeflow.vespasim.search.Condition;
import dev.officeflow.vespasim.search.SearchException;
import dev.officeflow.vespasim.search.UserQueries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of one {@code /search/} request: the query string's, and for a POST those of its
 * JSON body (nested objects flattened with dots, {@code {"streaming": {"groupname": "u1"}}} is
 * {@code streaming.groupname}), the body's winning.
 */
record SearchParameters(Map<String, String> values) {

  /** Vespa's default {@code maxHits}. */
  static final int MAX_HITS = 400;

  /** Vespa's default {@code maxOffset}. */
  static final int MAX_OFFSET = 1000;

  SearchParameters {
    values = Map.copyOf(values);
  }

  static SearchParameters of(ApiRequest request) {
    Map<String, String> values = new HashMap<>(request.params());
    if (request.method().equals("POST") && !request.body().isBlank()) {
      JsonNode body;
      try {
        body = Json.parse(request.body());
      } catch (ApiException e) {
        throw SearchException.illegalQuery(e.getMessage());
      }
      flatten("", body, values);
    }
    return new SearchParameters(values);
  }

  String yql() {
    String yql = values.get("yql");
    if (yql != null && !yql.isBlank()) {
      return yql;
    }
    if (values.containsKey("query")) {
      return "select * from sources * where userQuery()";
    }
    throw SearchException.illegalQuery("No query");
  }

  int hits() {
    return number("hits", 10, MAX_HITS);
  }

  int offset() {
    return number("offset", 0, MAX_OFFSET);
  }

  String ranking() {
    String profile = values.getOrDefault("ranking.profile", values.get("ranking"));
    return profile == null || profile.isBlank() ? "default" : profile;
  }

  @Nullable String group() {
    String group = values.get("streaming.groupname");
    return group == null || group.isEmpty() ? null : group;
  }

  /**
   * The condition with {@code userQuery()} and {@code userInput(...)} replaced by what their text
   * says; {@code isIndex} tells an {@code index:} prefix from text.
   */
  Condition resolve(Condition condition, Predicate<String> isIndex) {
    if (condition instanceof Condition.UserQuery) {
      return UserQueries.parse(
          values.getOrDefault("query", ""),
          values.getOrDefault("model.defaultIndex", "default"),
          values.getOrDefault("model.type", "all"),
          isIndex);
    }
    if (condition instanceof Condition.UserInput input) {
      String text = input.literal();
      if (text == null) {
        text = values.get(input.parameter());
        if (text == null) {
          throw SearchException.invalidParameter(
              "Could not instantiate query from YQL: the parameter '"
                  + input.parameter()
                  + "' of userInput is not set");
        }
      }
      return UserQueries.parse(text, input.defaultIndex(), input.grammar(), isIndex);
    }
    if (condition instanceof Condition.And and) {
      return new Condition.And(resolveAll(and.all(), isIndex));
    }
    if (condition instanceof Condition.Or or) {
      return new Condition.Or(resolveAll(or.any(), isIndex));
    }
    if (condition instanceof Condition.Not not) {
      return new Condition.Not(resolve(not.negated(), isIndex));
    }
    return condition;
  }

  private List<Condition> resolveAll(List<Condition> conditions, Predicate<String> isIndex) {
    List<Condition> resolved = new ArrayList<>();
    conditions.forEach(c -> resolved.add(resolve(c, isIndex)));
    return resolved;
  }

  private int number(String name, int fallback, int max) {
    String raw = values.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw SearchException.invalidParameter(
          "Could not set '" + name + "' to '" + raw + "': '" + raw + "' is not an integer");
    }
    if (value < 0 || value > max) {
      throw SearchException.illegalQuery(name + " must be between 0 and " + max + ", was " + value);
    }
    return value;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        flatten(prefix + entry.getKey() + ".", entry.getValue(), into);
      }
    } else if (!prefix.isEmpty()) {
      String key = prefix.substring(0, prefix.length() - 1);
      into.put(key, node.isString() ? node.asString() : node.toString());
    }
  }
}
