package dev.officeflow.office.providers.google.calendar;

import com.google.api.services.calendar.model.Event;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.calendar.CalendarReader.EventPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Calendar: the primary calendar's events overlapping the job's window, a page per step (the
 * checkpoint moves page by page).
 */
final class CalendarSource implements BackfillSource {

  private final CalendarReader reader;
  private final int pageSize;

  CalendarSource(CalendarReader reader, int pageSize) {
    this.reader = reader;
    this.pageSize = pageSize;
  }

  @Override
  public String provider() {
    return GoogleScopes.PROVIDER;
  }

  @Override
  public Phase phase() {
    return Phase.CALENDAR;
  }

  @Override
  public String name() {
    return "calendar";
  }

  @Override
  public Set<String> scopes() {
    return GoogleScopes.CALENDAR_READ;
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor c) {
    int cap = run.job().maxEvents();
    if (c.phaseItems() >= cap) {
      return Mono.just(Step.nothing(c.exhaust()));
    }
    BackfillJob job = run.job();
    return reader
        .list(run.session(GoogleSession.class), job.calendarFrom(), job.calendarTo(), c.pageToken())
        .map(page -> step(run, c, page, cap));
  }

  private Step step(RunContext run, Cursor c, EventPage page, int cap) {
    List<Event> items = page.items();
    if (c.lastItem() != null) {
      int done = items.stream().map(Event::getId).toList().indexOf(c.lastItem());
      items = items.subList(done + 1, items.size());
    }
    items = items.subList(0, Math.min(items.size(), cap - c.phaseItems()));
    List<OfficeEvent> events = new ArrayList<>();
    int failed = 0;
    for (Event item : items) {
      Optional<OfficeEvent> event = event(run, item, page);
      event.ifPresent(events::add);
      failed += event.isEmpty() ? 1 : 0;
    }
    int known = c.phaseItems() + items.size();
    run.calendarEstimate().set(known + (page.nextPageToken() == null ? 0 : pageSize));
    return new Step(
        events, items.size(), 0, failed, c.nextPage(page.nextPageToken(), items.size(), cap));
  }

  private static Optional<OfficeEvent> event(RunContext run, Event item, EventPage page) {
    try {
      Optional<CalendarEntry> entry = CalendarMapper.map(item, CalendarReader.PRIMARY, page.zone());
      Optional<Instant> updated =
          CalendarMapper.lastUpdated(item).or(() -> entry.map(CalendarEntry::startTime));
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
