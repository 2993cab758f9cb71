package dev.officeflow.vespaloader.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of results.
 *
 * @param hits the hits, best first
 * @param total how many items match in all (Vespa's {@code totalCount})
 * @param nextCursor what to pass as {@code cursor} for the next page; null on the last one
 */
public record SearchPage(List<SearchHit> hits, long total, @Nullable String nextCursor) {

  public SearchPage {
    hits = List.copyOf(hits);
  }
}
