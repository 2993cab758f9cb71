package dev.officeflow.office.providers.google.calendar;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Events;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.gmail.GmailCosts;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The Calendar calls streaming makes, through {@link GoogleApi} (paced, retried, refreshed): {@code
 * events.list} by sync token or as a full listing, {@code events.watch}, {@code channels.stop} (the
 * calendar list is {@link CalendarDirectory}'s).
 *
 * <p>It builds its own {@link Calendar} client per session because {@code GoogleSession}'s is not
 * visible outside the google package; the client reads the session's current access token on every
 * request, so {@code GoogleApi}'s refresh on 401 works as for the backfill.
 */
final class CalendarCalls {

  static final String LIST = "calendar.events.list";
  static final String WATCH = "calendar.events.watch";
  static final String STOP = "calendar.channels.stop";

  /** Where a listing starts: a sync token, or a full listing of what changed since a time. */
  record ListFrom(@Nullable String syncToken, @Nullable Instant updatedMin) {}

  private final GoogleApi api;

  CalendarCalls(GoogleApi api) {
    this.api = api;
  }

  Mono<GoogleSession> open(CalendarKey key) {
    return open(key.userId(), key.provider());
  }

  Mono<GoogleSession> open(String userId, String provider) {
    return api.open(userId, provider);
  }

  /**
   * One page. Occurrences of series are expanded as in the backfill ({@code singleEvents}, so ids
   * match), and cancelled events are included, so a cancellation becomes a delete.
   */
  Mono<Events> list(GoogleSession s, String calendarId, ListFrom from, @Nullable String page) {
    int size = api.settings().calendarPageSize();
    return call(
        s,
        LIST,
        c -> {
          Calendar.Events.List list =
              c.events()
                  .list(calendarId)
                  .setSingleEvents(true)
                  .setShowDeleted(true)
                  .setMaxResults(size)
                  .setPageToken(page);
          if (from.syncToken() != null) {
            list.setSyncToken(from.syncToken());
          } else if (from.updatedMin() != null) {
            list.setUpdatedMin(utc(from.updatedMin()));
          }
          return list.execute();
        });
  }

  Mono<Channel> watch(GoogleSession s, String calendarId, Channel channel) {
    return call(s, WATCH, c -> c.events().watch(calendarId, channel).execute());
  }

  Mono<Void> stop(GoogleSession s, String channelId, String resourceId) {
    Channel channel = new Channel().setId(channelId).setResourceId(resourceId);
    return call(
            s,
            STOP,
            c -> {
              c.channels().stop(channel).execute();
              return Boolean.TRUE;
            })
        .then();
  }

  private <T> Mono<T> call(GoogleSession s, String method, CalendarCall<T> call) {
    return api.call(
        s,
        method,
        api.quota().calendar(),
        GmailCosts.CALENDAR_REQUEST,
        x -> call.run(x.calendar()));
  }

  @FunctionalInterface
  private interface CalendarCall<T> {
    T run(Calendar calendar) throws IOException;
  }

  private static DateTime utc(Instant instant) {
    return new DateTime(Date.from(instant), TimeZone.getTimeZone("UTC"));
  }
}
