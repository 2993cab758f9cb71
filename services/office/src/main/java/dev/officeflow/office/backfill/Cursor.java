package dev.officeflow.office.backfill;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A source's position during a run: the checkpointed part ({@code pageToken}, {@code lastItem},
 * {@code phaseItems}) plus what the run holds in memory (the listed page's ids not yet fetched, the
 * next page's token).
 *
 * @param pageLoaded the page of {@code pageToken} has been listed in this run
 * @param exhausted the source has nothing more to give (end, cap, or window edge)
 */
public record Cursor(
    @Nullable String pageToken,
    @Nullable String lastItem,
    int phaseItems,
    List<String> pending,
    @Nullable String nextPageToken,
    boolean pageLoaded,
    boolean exhausted) {

  public Cursor {
    pending = List.copyOf(pending);
  }

  public static Cursor at(Checkpoint checkpoint) {
    return new Cursor(
        checkpoint.pageToken(),
        checkpoint.lastItem(),
        checkpoint.phaseItems(),
        List.of(),
        null,
        false,
        false);
  }

  /** What to store: where a resume must start to miss nothing already listed. */
  public Checkpoint checkpoint(Phase phase) {
    if (exhausted) {
      return Checkpoint.start(phase.next());
    }
    if (pageLoaded && pending.isEmpty()) {
      return new Checkpoint(phase, nextPageToken, null, phaseItems);
    }
    return new Checkpoint(phase, pageToken, lastItem, phaseItems);
  }

  public Cursor exhaust() {
    return new Cursor(pageToken, lastItem, phaseItems, pending, nextPageToken, pageLoaded, true);
  }

  /**
   * The page of {@code token} has been listed. Resuming the checkpointed page skips what was
   * published before (through {@code lastItem}; all of it if that item is gone); no more than the
   * cap allows is kept.
   */
  public Cursor loaded(@Nullable String token, List<String> ids, @Nullable String next, int cap) {
    boolean resumedPage =
        !pageLoaded && lastItem != null && java.util.Objects.equals(token, pageToken);
    List<String> rest = ids;
    if (resumedPage && ids.contains(lastItem)) {
      rest = ids.subList(ids.indexOf(lastItem) + 1, ids.size());
    }
    rest = rest.subList(0, Math.min(rest.size(), Math.max(0, cap - phaseItems)));
    return new Cursor(token, resumedPage ? lastItem : null, phaseItems, rest, next, true, false);
  }

  /** {@code done} (the head of {@code pending}) is published; {@code stop} ends the source. */
  public Cursor advanced(List<String> done, boolean stop, int cap) {
    List<String> rest = pending.subList(done.size(), pending.size());
    int items = phaseItems + done.size();
    boolean end = stop || items >= cap || (rest.isEmpty() && nextPageToken == null);
    return new Cursor(pageToken, done.get(done.size() - 1), items, rest, nextPageToken, true, end);
  }

  /** A whole page of {@code added} items is published; the next page is {@code next}. */
  public Cursor nextPage(@Nullable String next, int added, int cap) {
    int items = phaseItems + added;
    return new Cursor(next, null, items, List.of(), null, false, next == null || items >= cap);
  }
}
