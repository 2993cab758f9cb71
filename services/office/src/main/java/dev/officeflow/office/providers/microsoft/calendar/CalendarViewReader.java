package dev.officeflow.office.providers.microsoft.calendar;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.users.item.calendarview.CalendarViewRequestBuilder;
import dev.officeflow.office.providers.microsoft.GraphPage;
import dev.officeflow.office.providers.microsoft.GraphPages;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Pages of the user's calendar view over a window: {@code GET /me/calendarView?startDateTime=
 * &endDateTime=&$select=...&$top=N}, with {@code Prefer: outlook.timezone="UTC"} so every time
 * comes in UTC (all-day events at midnight UTC of their date), then the answer's
 * {@code @odata.nextLink}. The calendar view expands series: each occurrence is an item with its
 * own id and the series' {@code seriesMasterId}, as Google's {@code singleEvents=true} gives them.
 */
final class CalendarViewReader {

  static final String LIST = "graph.calendarView.list";

  private static final String PREFER = "Prefer";
  private static final String UTC = "outlook.timezone=\"UTC\"";

  static final String[] SELECT = {
    "id",
    "subject",
    "bodyPreview",
    "start",
    "end",
    "isAllDay",
    "isCancelled",
    "location",
    "organizer",
    "attendees",
    "sensitivity",
    "showAs",
    "type",
    "seriesMasterId",
    "recurrence",
    "webLink",
    "createdDateTime",
    "lastModifiedDateTime",
    "isReminderOn",
    "reminderMinutesBeforeStart"
  };

  private final MicrosoftClient client;
  private final GraphPages<EventCollectionResponse, Event> pages;

  CalendarViewReader(MicrosoftClient client) {
    this.client = client;
    this.pages = new GraphPages<>(client, LIST, EventCollectionResponse::getValue);
  }

  int pageSize() {
    return client.settings().calendarPageSize();
  }

  /** The page at {@code nextLink}, or (null) the first page of the view of {@code [from, to)}. */
  Mono<GraphPage<Event>> list(
      MicrosoftSession session, Instant from, Instant to, @Nullable String nextLink) {
    int top = pageSize();
    return pages.read(
        session,
        nextLink,
        s ->
            view(s)
                .get(
                    c -> {
                      c.queryParameters.startDateTime = literal(from);
                      c.queryParameters.endDateTime = literal(to);
                      c.queryParameters.select = SELECT;
                      c.queryParameters.top = top;
                      c.headers.add(PREFER, UTC);
                    }),
        (s, link) -> view(s).withUrl(link).get(c -> c.headers.add(PREFER, UTC)));
  }

  private static CalendarViewRequestBuilder view(MicrosoftSession s) {
    return s.graph().me().calendarView();
  }

  private static String literal(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
