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
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.calendar.CalendarReader.EventPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Calendar: the events overlapping the job's window of every selected calendar ({@link
 * CalendarDirectory}, listed once per run), one calendar after the other in their stable order, a
 * page per step. The checkpoint names the calendar and its page ({@link CalendarPosition}), so a
 * resumed run lists the calendars again and goes on where it stood; a calendar that is gone since
 * (404, or no longer on the list) is passed over, never a failure. The cap counts the events of
 * every calendar together.
 */
final class CalendarSource implements BackfillSource {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSource.class);

  private final CalendarReader reader;
  private final CalendarDirectory directory;
  private final int pageSize;

  /** The key of the calendars a run listed, in the run's state. */
  private static final Object LISTED = new Object();

  CalendarSource(CalendarReader reader, CalendarDirectory directory, int pageSize) {
    this.reader = reader;
    this.directory = directory;
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
    if (c.phaseItems() >= run.job().maxEvents()) {
      return Mono.just(Step.nothing(c.exhaust()));
    }
    CalendarPosition at = CalendarPosition.parse(c.pageToken());
    return calendars(run)
        .flatMap(
            calendars -> {
              Optional<CalendarPosition> here = resume(calendars, at);
              if (here.isEmpty()) {
                return Mono.just(Step.nothing(c.exhaust()));
              }
              return read(run, c, calendars, here.get());
            });
  }

  private Mono<List<String>> calendars(RunContext run) {
    return run.state(LISTED, () -> directory.selected(run.session(GoogleSession.class)).cache());
  }

  /**
   * Where to read: the stored calendar and page when it is still selected; else the first page of
   * the next calendar in the order (its predecessor vanished, or the phase starts).
   */
  private static Optional<CalendarPosition> resume(
      List<String> calendars, @Nullable CalendarPosition at) {
    if (at != null && calendars.contains(at.calendarId())) {
      return Optional.of(at);
    }
    return CalendarDirectory.after(calendars, at == null ? null : at.calendarId())
        .map(CalendarPosition::start);
  }

  private Mono<Step> read(RunContext run, Cursor c, List<String> calendars, CalendarPosition at) {
    BackfillJob job = run.job();
    return reader
        .list(
            run.session(GoogleSession.class),
            at.calendarId(),
            job.calendarFrom(),
            job.calendarTo(),
            at.pageToken())
        .map(page -> step(run, c, calendars, at, page))
        .onErrorResume(
            e -> vanished(e, at),
            e -> {
              LOG.info(
                  "calendar {} of {} is gone, passed over: {}",
                  at.calendarId(),
                  job.userId(),
                  e.getMessage());
              return Mono.just(
                  Step.nothing(
                      c.nextPage(following(calendars, at.calendarId()), 0, job.maxEvents())));
            });
  }

  /**
   * A calendar deleted or unsubscribed since it was listed: 404; or 403 for a calendar other than
   * the primary one (a revoked share). The primary calendar's 403 stays a missing scope.
   */
  private static boolean vanished(Throwable e, CalendarPosition at) {
    if (!(e instanceof GoogleFailure f)) {
      return false;
    }
    return f.kind() == GoogleFailure.Kind.NOT_FOUND
        || (f.kind() == GoogleFailure.Kind.FORBIDDEN
            && !at.calendarId().equals(CalendarKey.PRIMARY));
  }

  /** The stored position of the next calendar's first page; null when this one was the last. */
  private static @Nullable String following(List<String> calendars, String calendarId) {
    return CalendarDirectory.after(calendars, calendarId)
        .map(id -> CalendarPosition.start(id).wire())
        .orElse(null);
  }

  private Step step(
      RunContext run, Cursor c, List<String> calendars, CalendarPosition at, EventPage page) {
    int cap = run.job().maxEvents();
    List<Event> items = page.items();
    if (c.lastItem() != null) {
      int done = items.stream().map(Event::getId).toList().indexOf(c.lastItem());
      items = items.subList(done + 1, items.size());
    }
    items = items.subList(0, Math.min(items.size(), cap - c.phaseItems()));
    List<OfficeEvent> events = new ArrayList<>();
    int failed = 0;
    for (Event item : items) {
      Optional<OfficeEvent> event = event(run, item, at.calendarId(), page);
      event.ifPresent(events::add);
      failed += event.isEmpty() ? 1 : 0;
    }
    String next =
        page.nextPageToken() != null
            ? new CalendarPosition(at.calendarId(), page.nextPageToken()).wire()
            : following(calendars, at.calendarId());
    int known = c.phaseItems() + items.size();
    run.calendarEstimate().set(known + (next == null ? 0 : pageSize));
    return new Step(events, items.size(), 0, failed, c.nextPage(next, items.size(), cap));
  }

  private static Optional<OfficeEvent> event(
      RunContext run, Event item, String calendarId, EventPage page) {
    try {
      Optional<CalendarEntry> entry = CalendarMapper.map(item, calendarId, page.zone());
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
