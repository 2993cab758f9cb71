package dev.officeflow.office.providers.google.calendar;

import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.gmail.GmailCosts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The calendars of a user the office reads: {@code calendarList.list} (paged, one Calendar request
 * per page on the Calendar budget) filtered by the {@link CalendarSelection}, in a stable order:
 * the primary calendar first, named {@value CalendarKey#PRIMARY} (as the events and streaming rows
 * of the primary calendar always were), then the others by id. A grant that cannot read the list
 * (only the {@code calendar.events} scopes) reads the primary calendar alone.
 */
final class CalendarDirectory {

  static final String LIST = "calendar.calendarList.list";

  /** Primary first, then by id: a checkpoint can say "after this one" even when it is gone. */
  static final Comparator<String> ORDER =
      Comparator.comparing((String id) -> !id.equals(CalendarKey.PRIMARY))
          .thenComparing(Comparator.naturalOrder());

  /** The scopes Google accepts for {@code calendarList.list}; the events scopes are not enough. */
  static final Set<String> LIST_SCOPES =
      Set.of(
          "https://www.googleapis.com/auth/calendar",
          "https://www.googleapis.com/auth/calendar.readonly",
          "https://www.googleapis.com/auth/calendar.calendarlist",
          "https://www.googleapis.com/auth/calendar.calendarlist.readonly");

  private static final Logger LOG = LoggerFactory.getLogger(CalendarDirectory.class);
  private static final int PAGE = 250;
  private static final List<String> PRIMARY_ONLY = List.of(CalendarKey.PRIMARY);

  private final GoogleApi api;
  private final CalendarSelection selection;

  CalendarDirectory(GoogleApi api, CalendarSelection selection) {
    this.api = api;
    this.selection = selection;
  }

  /** The selected calendars' ids in {@link #ORDER}; never empty (the primary is always in it). */
  Mono<List<String>> selected(GoogleSession session) {
    if (!selection.lists() || !session.credential().mayGrant(LIST_SCOPES)) {
      return Mono.just(PRIMARY_ONLY);
    }
    return page(session, null, new TreeSet<>(ORDER))
        .map(List::copyOf)
        .onErrorResume(
            CalendarDirectory::forbidden,
            e -> {
              LOG.info(
                  "calendar list of {} refused, reading the primary calendar: {}",
                  session.userId(),
                  e.getMessage());
              return Mono.just(PRIMARY_ONLY);
            });
  }

  /** The calendar after {@code id} in {@link #ORDER} (the first when {@code id} is null). */
  static Optional<String> after(List<String> calendars, @Nullable String id) {
    return calendars.stream().filter(c -> id == null || ORDER.compare(c, id) > 0).findFirst();
  }

  private Mono<TreeSet<String>> page(
      GoogleSession session, @Nullable String token, TreeSet<String> ids) {
    return api.call(
            session,
            LIST,
            api.quota().calendar(),
            GmailCosts.CALENDAR_REQUEST,
            s ->
                s.calendar()
                    .calendarList()
                    .list()
                    .setMinAccessRole(selection.minAccessRole())
                    .setMaxResults(PAGE)
                    .setPageToken(token)
                    .execute())
        .flatMap(
            list -> {
              ids.add(CalendarKey.PRIMARY);
              ids.addAll(accepted(list));
              String next = list.getNextPageToken();
              return next == null ? Mono.just(ids) : page(session, next, ids);
            });
  }

  private List<String> accepted(CalendarList list) {
    List<String> ids = new ArrayList<>();
    for (CalendarListEntry entry :
        list.getItems() == null ? List.<CalendarListEntry>of() : list.getItems()) {
      if (selection.accepts(entry)) {
        ids.add(Boolean.TRUE.equals(entry.getPrimary()) ? CalendarKey.PRIMARY : entry.getId());
      }
    }
    return ids;
  }

  private static boolean forbidden(Throwable e) {
    return e instanceof GoogleFailure f && f.kind() == GoogleFailure.Kind.FORBIDDEN;
  }
}
