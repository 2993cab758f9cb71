package dev.officeflow.vespaloader.search;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of a Vespa query ({@code POST /search/}, JSON) for one page of a user's search. The YQL
 * is built from constants and {@link SearchType} names only; the user's text travels as the {@code
 * q} parameter that {@code userInput(@q)} reads, so nothing the user types is ever parsed as YQL.
 * {@code streaming.groupname} confines the query to the user's group (streaming mode scans only
 * that group), and {@code !(deleted = true)} leaves tombstones out (infra/vespa/README.md
 * "Tombstones"; a live document has no {@code deleted}, so {@code deleted = false} would drop it).
 */
final class VespaQueries {

  /** {@code all}: every word must match, as a search box is expected to behave. */
  private static final String USER_INPUT =
      "({defaultIndex: \"default\", grammar: \"all\"}userInput(@q))";

  private VespaQueries() {}

  static String yql(Set<SearchType> types) {
    String sources =
        EnumSet.copyOf(types).stream().map(SearchType::doctype).collect(Collectors.joining(", "));
    return "select * from sources " + sources + " where " + USER_INPUT + " and !(deleted = true)";
  }

  static Map<String, Object> body(SearchQuery query, String rankProfile, Duration timeout) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("yql", yql(query.types()));
    body.put("q", query.text());
    body.put("streaming.groupname", query.userId());
    body.put("hits", query.limit());
    body.put("offset", query.offset());
    body.put("ranking.profile", rankProfile);
    body.put("timeout", timeout.toMillis() + "ms");
    return body;
  }
}
