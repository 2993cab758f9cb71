package dev.officeflow.vespaloader.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/search} without the web: checks the request's parameters, queries the caller's
 * group, and answers a page with the cursor of the next one. Thread-safe.
 */
public final class UnifiedSearch {

  private final VespaSearchClient vespa;
  private final SearchCursors cursors;
  private final SearchSettings settings;
  private final AtomicInteger inFlight = new AtomicInteger();

  UnifiedSearch(VespaSearchClient vespa, SearchCursors cursors, SearchSettings settings) {
    this.vespa = vespa;
    this.cursors = cursors;
    this.settings = settings;
  }

  /**
   * One page of {@code userId}'s search. The raw parameters as the request gave them; each may be
   * null. Invalid ones fail with a 400 {@link SearchProblems} exception, before Vespa is asked.
   */
  public Mono<SearchPage> search(
      String userId,
      @Nullable String q,
      @Nullable String types,
      @Nullable String limit,
      @Nullable String cursor) {
    SearchQuery first = new SearchQuery(userId, text(q), types(types), limit(limit), 0);
    SearchQuery query = cursor == null || cursor.isEmpty() ? first : continued(first, cursor);
    return Mono.defer(() -> bounded(query));
  }

  /** The query, unless {@code max-concurrent} are waiting for Vespa already (then 503 at once). */
  private Mono<SearchPage> bounded(SearchQuery query) {
    if (inFlight.incrementAndGet() > settings.maxConcurrent()) {
      inFlight.decrementAndGet();
      return Mono.error(
          SearchProblems.unavailable("search is busy: too many searches at once, try again"));
    }
    return vespa
        .query(VespaQueries.body(query, settings.rankProfile(), settings.timeout()))
        .map(result -> page(query, SearchResults.read(result, query.userId())))
        .doFinally(signal -> inFlight.decrementAndGet());
  }

  private SearchPage page(SearchQuery query, SearchResults.Page read) {
    int next = query.offset() + query.limit();
    boolean more = next < read.total() && next <= settings.maxOffset();
    return new SearchPage(read.hits(), read.total(), more ? cursors.issue(query, next) : null);
  }

  private SearchQuery continued(SearchQuery first, String cursor) {
    try {
      return first.atOffset(cursors.offset(first, cursor));
    } catch (IllegalArgumentException e) {
      throw SearchProblems.invalidCursor(e.getMessage());
    }
  }

  private String text(@Nullable String q) {
    String text = q == null ? "" : q.strip();
    if (text.isEmpty()) {
      throw SearchProblems.invalidQuery("q is required: the words to search for");
    }
    if (text.length() > settings.maxQueryLength()) {
      throw SearchProblems.invalidQuery(
          "q is longer than " + settings.maxQueryLength() + " characters");
    }
    return text;
  }

  private static Set<SearchType> types(@Nullable String types) {
    if (types == null || types.isBlank()) {
      return EnumSet.allOf(SearchType.class);
    }
    Set<SearchType> chosen = EnumSet.noneOf(SearchType.class);
    List<String> unknown = new ArrayList<>();
    for (String name : types.split(",", -1)) {
      String trimmed = name.strip().toLowerCase(Locale.ROOT);
      SearchType.ofApiName(trimmed).ifPresentOrElse(chosen::add, () -> unknown.add(name.strip()));
    }
    if (!unknown.isEmpty()) {
      throw SearchProblems.invalidTypes(
          "types must be a comma-separated list of " + apiNames(), unknown);
    }
    return chosen;
  }

  private int limit(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return settings.defaultLimit();
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 1 || value > settings.maxLimit()) {
      throw SearchProblems.invalidLimit(
          "limit must be an integer from 1 to " + settings.maxLimit());
    }
    return value;
  }

  private static String apiNames() {
    List<String> names = new ArrayList<>();
    for (SearchType type : SearchType.values()) {
      names.add(type.apiName());
    }
    return String.join(", ", names);
  }
}
