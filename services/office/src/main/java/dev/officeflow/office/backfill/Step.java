package dev.officeflow.office.backfill;

import dev.officeflow.events.OfficeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One unit of a source's work: the events to publish, what was read, and where the source stands
 * once they are published.
 *
 * @param skipped items read but not published (outside the window, or gone since listed)
 * @param failed items that could not be turned into events
 * @param coveredFrom for a source read by windows: everything from here to the window's top has now
 *     been read (null: nothing to claim); below the window's bottom when the source read further
 *     down its span
 * @param edge the ids read in the second just below {@code coveredFrom} ({@link Coverage})
 */
public record Step(
    List<OfficeEvent> events,
    int fetched,
    int skipped,
    int failed,
    Cursor next,
    @Nullable Instant coveredFrom,
    Set<String> edge) {

  public Step {
    events = List.copyOf(events);
    edge = Set.copyOf(edge);
  }

  public Step(List<OfficeEvent> events, int fetched, int skipped, int failed, Cursor next) {
    this(events, fetched, skipped, failed, next, null, Set.of());
  }

  public static Step nothing(Cursor next) {
    return new Step(List.of(), 0, 0, 0, next);
  }

  /** This step, claiming the window read from {@code from} up, with {@code edgeIds} below it. */
  public Step covering(Instant from, Set<String> edgeIds) {
    return new Step(events, fetched, skipped, failed, next, from, edgeIds);
  }
}
