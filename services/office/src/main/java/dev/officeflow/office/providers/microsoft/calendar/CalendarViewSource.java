package dev.officeflow.office.providers.microsoft.calendar;

import com.microsoft.graph.models.Event;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.providers.microsoft.GraphPage;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import dev.officeflow.office.providers.microsoft.MicrosoftSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The Outlook calendar: the calendar view of the job's calendar window, a page per step, the next
 * page's {@code @odata.nextLink} as the checkpoint's page token (a resumed run asks for the page it
 * stood at). Read whole every job, as Google's calendar is: the window reaches into a future that
 * keeps changing, and it is a few requests. Cancelled meetings are passed over (counted skipped).
 */
final class CalendarViewSource extends MicrosoftSource {

  static final String NAME = "calendar";

  private final CalendarViewReader reader;

  CalendarViewSource(CalendarViewReader reader) {
    super(Phase.CALENDAR, NAME, MicrosoftScopes.CALENDARS_READ);
    this.reader = reader;
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor c) {
    BackfillJob job = run.job();
    if (c.phaseItems() >= job.maxEvents()) {
      return Mono.just(Step.nothing(c.exhaust()));
    }
    return reader
        .list(session(run), job.calendarFrom(), job.calendarTo(), c.pageToken())
        .map(page -> step(run, c, page));
  }

  private Step step(RunContext run, Cursor c, GraphPage<Event> page) {
    int cap = run.job().maxEvents();
    List<Event> items = upToCap(page.items(), c, cap);
    List<OfficeEvent> events = new ArrayList<>();
    int skipped = 0;
    int failed = 0;
    for (Event item : items) {
      if (EventMapper.cancelled(item)) {
        skipped++;
        continue;
      }
      Optional<OfficeEvent> event = event(run, item);
      event.ifPresent(events::add);
      failed += event.isEmpty() ? 1 : 0;
    }
    int known = c.phaseItems() + items.size();
    run.calendarEstimate().set(known + (page.nextLink() == null ? 0 : reader.pageSize()));
    Cursor next = c.nextPage(page.nextLink(), items.size(), cap);
    return new Step(events, items.size(), skipped, failed, next);
  }

  private static Optional<OfficeEvent> event(RunContext run, Event item) {
    try {
      Optional<CalendarEntry> entry = EventMapper.map(item);
      Optional<Instant> updated =
          EventMapper.lastUpdated(item).or(() -> entry.map(CalendarEntry::startTime));
      if (entry.isEmpty() || updated.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          run.events().calendar(run.job(), run.account(), entry.get(), updated.get()));
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
