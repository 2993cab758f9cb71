package dev.officeflow.vespaloader.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads Vespa's result JSON into hits. Besides what the query asked Vespa for, each hit is checked
 * again here: a hit outside the user's group, a tombstone or an unknown type is dropped (and
 * logged), so a mistake in a query or in Vespa's configuration cannot show one user another's data
 * or a deleted item.
 */
final class SearchResults {

  private static final Logger log = LoggerFactory.getLogger(SearchResults.class);

  private SearchResults() {}

  /** The hits of {@code result} that belong to {@code userId}, and Vespa's total count. */
  static Page read(JsonNode result, String userId) {
    JsonNode root = result.path("root");
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode child : root.path("children").values()) {
      hit(child, userId).ifPresent(hits::add);
    }
    return new Page(hits, root.path("fields").path("totalCount").asLong(0));
  }

  /** Hits read, and how many match in all. */
  record Page(List<SearchHit> hits, long total) {}

  private static Optional<SearchHit> hit(JsonNode child, String userId) {
    String id = child.path("id").asString("");
    Optional<VespaId> parsed = VespaId.parse(id);
    JsonNode fields = child.path("fields");
    if (parsed.isEmpty() || !parsed.get().group().equals(userId)) {
      log.error("Dropped a search hit outside the caller's group: {}", id);
      return Optional.empty();
    }
    if (fields.path("deleted").asBoolean(false)) {
      log.error("Dropped a tombstone Vespa returned as a search hit: {}", id);
      return Optional.empty();
    }
    Optional<SearchType> type = SearchType.ofDoctype(parsed.get().doctype());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Highlight>> highlights = new HashMap<>();
    String title = fields.path("title").asString("");
    if (fields.has("title")) {
      highlights.put("title", Highlight.parse(title));
    }
    if (fields.has("content")) {
      highlights.put("snippet", Highlight.parse(fields.path("content").asString("")));
    }
    return Optional.of(
        new SearchHit(
            type.get().apiName(),
            parsed.get().specific(),
            fields.path("provider").asString(""),
            fields.path("provider_id").asString(""),
            child.path("relevance").asDouble(0),
            Highlight.plain(title),
            highlights,
            fields.path("last_updated").isNumber() ? fields.path("last_updated").asLong() : null,
            details(type.get(), fields)));
  }

  private static Map<String, Object> details(SearchType type, JsonNode fields) {
    Map<String, Object> details = new LinkedHashMap<>();
    switch (type) {
      case EMAIL -> {
        copy(fields, "from_address", "from", details);
        copy(fields, "received_date", "received_at", details);
        copy(fields, "thread_id", "thread_id", details);
      }
      case CALENDAR -> {
        copy(fields, "start_time", "start", details);
        copy(fields, "end_time", "end", details);
        copy(fields, "all_day", "all_day", details);
        copy(fields, "location", "location", details);
      }
      case CONTACT -> {
        copy(fields, "email_addresses", "email_addresses", details);
        copy(fields, "organizations", "organizations", details);
        copy(fields, "relevance", "score", details);
      }
      case DOCUMENT -> {
        copy(fields, "url", "url", details);
        copy(fields, "content_type", "content_type", details);
      }
      case TODO -> {
        copy(fields, "status", "status", details);
        copy(fields, "due", "due", details);
      }
    }
    return details;
  }

  private static void copy(JsonNode fields, String field, String name, Map<String, Object> into) {
    JsonNode value = fields.path(field);
    if (value.isString()) {
      into.put(name, Highlight.plain(value.asString()));
    } else if (value.isIntegralNumber()) {
      into.put(name, value.asLong());
    } else if (value.isNumber()) {
      into.put(name, value.asDouble());
    } else if (value.isBoolean()) {
      into.put(name, value.asBoolean());
    } else if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.values().forEach(item -> items.add(item.asString("")));
      into.put(name, items);
    }
  }

  /** {@code id:<namespace>:<doctype>:g=<group>:<specific>}. */
  record VespaId(String doctype, String group, String specific) {

    static Optional<VespaId> parse(String id) {
      String[] parts = id.split(":", 5);
      if (parts.length != 5 || !parts[0].equals("id") || !parts[3].startsWith("g=")) {
        return Optional.empty();
      }
      return Optional.of(new VespaId(parts[2], parts[3].substring(2), parts[4]));
    }
  }
}
