package dev.officeflow.office.backfill;

import dev.officeflow.events.OfficeEvent;
import java.util.List;

/**
 * One unit of a source's work: the events to publish, what was read, and where the source stands
 * once they are published.
 *
 * @param skipped items read but not published (outside the window, or gone since listed)
 * @param failed items that could not be turned into events
 */
public record Step(List<OfficeEvent> events, int fetched, int skipped, int failed, Cursor next) {

  public Step {
    events = List.copyOf(events);
  }

  public static Step nothing(Cursor next) {
    return new Step(List.of(), 0, 0, 0, next);
  }
}
