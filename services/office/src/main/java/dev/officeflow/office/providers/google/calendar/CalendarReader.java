package dev.officeflow.office.providers.google.calendar;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.gmail.GmailCosts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Calendar reads for the backfill: {@code events.list} on one calendar over a time window,
 * recurring series expanded into their occurrences ({@code singleEvents=true}: each occurrence is a
 * meeting of its own to consumers), cancelled events left out.
 */
public final class CalendarReader {

  static final String LIST = "calendar.events.list";

  private final GoogleApi api;

  public CalendarReader(GoogleApi api) {
    this.api = api;
  }

  /**
   * A page of events.
   *
   * @param zone the calendar's time zone, which places all-day events
   */
  public record EventPage(List<Event> items, @Nullable String nextPageToken, ZoneId zone) {}

  /** A page of {@code calendarId}'s events ({@code primary} for the primary calendar). */
  public Mono<EventPage> list(
      GoogleSession session,
      String calendarId,
      Instant from,
      Instant to,
      @Nullable String pageToken) {
    int size = api.settings().calendarPageSize();
    return api.call(
            session,
            LIST,
            api.quota().calendar(),
            GmailCosts.CALENDAR_REQUEST,
            s ->
                s.calendar()
                    .events()
                    .list(calendarId)
                    .setTimeMin(utc(from))
                    .setTimeMax(utc(to))
                    .setSingleEvents(true)
                    .setShowDeleted(false)
                    .setMaxResults(size)
                    .setPageToken(pageToken)
                    .execute())
        .map(CalendarReader::page);
  }

  private static EventPage page(Events events) {
    List<Event> items = events.getItems() == null ? List.of() : events.getItems();
    return new EventPage(items, events.getNextPageToken(), zone(events.getTimeZone()));
  }

  private static ZoneId zone(@Nullable String id) {
    try {
      return id == null ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static DateTime utc(Instant instant) {
    return new DateTime(Date.from(instant), TimeZone.getTimeZone("UTC"));
  }
}
