package dev.officeflow.vespaloader.search;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One page of a user's search, validated.
 *
 * @param userId the caller (the JWT's subject): the only Vespa group searched
 * @param text what the user typed, sent to Vespa as a parameter, never as YQL
 * @param types the types searched, at least one
 * @param limit hits on this page
 * @param offset hits skipped, from the cursor
 */
public record SearchQuery(
    String userId, String text, Set<SearchType> types, int limit, int offset) {

  public SearchQuery {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a search covers at least one type");
    }
    types = Set.copyOf(EnumSet.copyOf(types));
  }

  /** The types in a stable order, by API name, comma-separated: what a cursor is bound to. */
  String typeList() {
    return EnumSet.copyOf(types).stream().map(SearchType::apiName).collect(Collectors.joining(","));
  }

  SearchQuery atOffset(int next) {
    return new SearchQuery(userId, text, types, limit, next);
  }
}
