package dev.officeflow.googlesim.calendar;

import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.Params;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code events.list}: full listings with filters, incremental listings from a sync token (changed
 * events only, cancelled ones included), paging, and the next sync token on the last page. A page
 * token remembers the change number the listing started at, so changes made while a client pages
 * through arrive in its next incremental sync.
 */
final class EventListing {

  static final int DEFAULT_MAX = 250;
  static final int MAX = 2500;

  /** What a list call produces: a page, or 410 because the sync token is no longer valid. */
  sealed interface Result permits Page, Gone {}

  record Page(
      List<EventRecord> items, @Nullable String nextPageToken, @Nullable String nextSyncToken)
      implements Result {}

  record Gone() implements Result {}

  private record Cursor(long epoch, long snapshot, long since, int offset) {
    String encode() {
      return PageTokens.encode(
          "p",
          Long.toString(epoch),
          Long.toString(snapshot),
          Long.toString(since),
          Integer.toString(offset));
    }
  }

  private EventListing() {}

  static Result list(CalendarStore store, Params p) {
    CalendarStore.Snapshot snap = store.snapshot();
    Long since = p.first("syncToken").map(t -> syncChange(t, snap.epoch())).orElse(null);
    if (p.has("syncToken") && since == null) {
      return new Gone();
    }
    rejectFiltersWithSyncToken(p);
    Cursor cursor =
        p.first("pageToken")
            .map(t -> cursor(t))
            .orElse(new Cursor(snap.epoch(), snap.changeNumber(), since == null ? -1 : since, 0));
    if (cursor.epoch() != snap.epoch()) {
      return since != null ? new Gone() : list(store, p.withoutPageToken());
    }
    List<EventRecord> matching = matching(snap, cursor, p, store);
    int max = maxResults(p);
    int end = Math.min(matching.size(), cursor.offset() + max);
    List<EventRecord> page = matching.subList(Math.min(cursor.offset(), matching.size()), end);
    if (end < matching.size()) {
      Cursor next = new Cursor(cursor.epoch(), cursor.snapshot(), cursor.since(), end);
      return new Page(page, next.encode(), null);
    }
    return new Page(page, null, syncToken(cursor.epoch(), cursor.snapshot()));
  }

  private static List<EventRecord> matching(
      CalendarStore.Snapshot snap, Cursor cursor, Params p, CalendarStore store) {
    boolean incremental = cursor.since() >= 0;
    boolean single = p.flag("singleEvents", false);
    boolean showDeleted = incremental || p.flag("showDeleted", false);
    Instant min = time(p, "timeMin");
    Instant max = time(p, "timeMax");
    Instant horizon = max != null ? max : store.clock().instant().plus(Duration.ofDays(400));
    List<CalendarStore.Entry> entries = new ArrayList<>(snap.entries());
    if (incremental) {
      entries.removeIf(
          e -> e.changeNumber() <= cursor.since() || e.changeNumber() > cursor.snapshot());
      entries.sort(Comparator.comparingLong(CalendarStore.Entry::changeNumber));
    }
    Predicate<EventRecord> text = textFilter(p);
    Instant updatedMin = time(p, "updatedMin");
    List<EventRecord> out = new ArrayList<>();
    for (CalendarStore.Entry entry : entries) {
      EventRecord e = entry.event();
      if ((e.isCancelled() && !showDeleted)
          || !text.test(e)
          || (updatedMin != null && e.updated().isBefore(updatedMin))) {
        continue;
      }
      List<EventRecord> shown =
          single && e.isRecurring() && !e.isCancelled()
              ? Recurrence.instances(e, horizon)
              : List.of(e);
      for (EventRecord item : shown) {
        if (overlaps(item, min, max, horizon)) {
          out.add(item);
        }
      }
    }
    order(out, p.firstOr("orderBy", ""), single);
    return out;
  }

  private static void order(List<EventRecord> items, String orderBy, boolean single) {
    switch (orderBy) {
      case "" -> {}
      case "startTime" -> {
        if (!single) {
          throw new BadRequestException(
              "The requested ordering is not available for the particular query.", "orderBy");
        }
        items.sort(
            Comparator.comparing((EventRecord e) -> e.start().instant())
                .thenComparing(EventRecord::id));
      }
      case "updated" ->
          items.sort(Comparator.comparing(EventRecord::updated).thenComparing(EventRecord::id));
      default -> throw new BadRequestException("Invalid value for orderBy: " + orderBy, "orderBy");
    }
  }

  /** Google's rule: an event overlaps when it ends after timeMin and starts before timeMax. */
  private static boolean overlaps(
      EventRecord e, @Nullable Instant min, @Nullable Instant max, Instant horizon) {
    Instant start = e.start().instant();
    Instant end = e.end().instant();
    if (e.isRecurring()) {
      List<EventRecord> all = Recurrence.instances(e, horizon);
      end = all.isEmpty() ? end : all.get(all.size() - 1).end().instant();
    }
    return (min == null || end.isAfter(min)) && (max == null || start.isBefore(max));
  }

  private static Predicate<EventRecord> textFilter(Params p) {
    String q = p.firstOr("q", "").toLowerCase(Locale.ROOT);
    return e ->
        q.isEmpty()
            || (e.summary() + " " + e.description() + " " + e.location())
                .toLowerCase(Locale.ROOT)
                .contains(q);
  }

  private static void rejectFiltersWithSyncToken(Params p) {
    if (!p.has("syncToken")) {
      return;
    }
    for (String forbidden :
        List.of("timeMin", "timeMax", "orderBy", "updatedMin", "q", "iCalUID")) {
      if (p.has(forbidden)) {
        throw new BadRequestException(
            "Sync token cannot be used together with " + forbidden + ".", forbidden);
      }
    }
  }

  static String syncToken(long epoch, long changeNumber) {
    return PageTokens.encode("s", Long.toString(epoch), Long.toString(changeNumber));
  }

  /** The change number a sync token stands for, or null when it is unknown or from an old epoch. */
  private static @Nullable Long syncChange(String token, long epoch) {
    try {
      List<String> f = PageTokens.decode(token, 3, "syncToken");
      return f.get(0).equals("s") && Long.parseLong(f.get(1)) == epoch
          ? Long.parseLong(f.get(2))
          : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Cursor cursor(String token) {
    List<String> f = PageTokens.decode(token, 5, "pageToken");
    try {
      return new Cursor(
          Long.parseLong(f.get(1)),
          Long.parseLong(f.get(2)),
          Long.parseLong(f.get(3)),
          Integer.parseInt(f.get(4)));
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid pageToken", "pageToken");
    }
  }

  private static int maxResults(Params p) {
    int max = p.integer("maxResults").orElse(DEFAULT_MAX);
    if (max <= 0) {
      throw new BadRequestException("Invalid value for maxResults: " + max, "maxResults");
    }
    return Math.min(max, MAX);
  }

  private static @Nullable Instant time(Params p, String name) {
    return p.first(name).map(v -> parse(v, name)).orElse(null);
  }

  private static Instant parse(String value, String name) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException("Bad Request", name);
    }
  }
}
