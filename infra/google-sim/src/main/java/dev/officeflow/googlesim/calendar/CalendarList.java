package dev.officeflow.googlesim.calendar;

import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimResponse;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code calendarList.list} and {@code calendarList.get}: the account's calendars as {@code
 * calendar#calendarListEntry} resources. The list does not change while the simulator runs, so an
 * incremental listing (a valid {@code syncToken}) is always empty; invalidated tokens get 410.
 */
final class CalendarList {

  static final int DEFAULT_MAX = 100;
  static final int MAX = 250;

  private CalendarList() {}

  static SimResponse list(Calendars calendars, Params p) {
    long epoch = calendars.primary().epoch();
    if (p.has("syncToken")) {
      return incremental(p, epoch);
    }
    int minRank = minRank(p);
    boolean showHidden = p.flag("showHidden", false);
    List<CalendarStore> shown =
        calendars.all().stream()
            .filter(c -> c.spec().roleRank() >= minRank)
            .filter(c -> showHidden || !c.spec().hidden())
            .toList();
    int offset = p.first("pageToken").map(CalendarList::offset).orElse(0);
    int end = Math.min(shown.size(), offset + maxResults(p));
    ObjectNode out = envelope(epoch);
    if (end < shown.size()) {
      out.put("nextPageToken", PageTokens.encode("cl", Integer.toString(end)));
    } else {
      out.put("nextSyncToken", syncToken(epoch));
    }
    ArrayNode items = out.putArray("items");
    shown.subList(Math.min(offset, end), end).forEach(c -> items.add(entry(c)));
    return SimResponse.ok(out);
  }

  static SimResponse get(Calendars calendars, String calendarId) {
    return calendars
        .find(calendarId)
        .map(c -> SimResponse.ok(entry(c)))
        .orElseGet(() -> GoogleErrors.notFound(ApiKind.CALENDAR));
  }

  /** Nothing on the list changes while running: a valid token yields no items and itself again. */
  private static SimResponse incremental(Params p, long epoch) {
    if (p.has("minAccessRole")) {
      throw new BadRequestException(
          "Sync token cannot be used together with minAccessRole.", "minAccessRole");
    }
    if (!p.firstOr("syncToken", "").equals(syncToken(epoch))) {
      return GoogleErrors.of(
          ApiKind.CALENDAR,
          410,
          "calendar",
          "fullSyncRequired",
          "Sync token is no longer valid, a full sync is required.",
          "parameter",
          "syncToken");
    }
    ObjectNode out = envelope(epoch);
    out.put("nextSyncToken", syncToken(epoch));
    out.putArray("items");
    return SimResponse.ok(out);
  }

  private static ObjectNode envelope(long epoch) {
    ObjectNode out = Json.object();
    out.put("kind", "calendar#calendarList").put("etag", "\"l" + epoch + "\"");
    return out;
  }

  static ObjectNode entry(CalendarStore c) {
    CalendarSpec spec = c.spec();
    ObjectNode out = Json.object();
    out.put("kind", "calendar#calendarListEntry")
        .put("etag", "\"" + Integer.toUnsignedString(spec.hashCode()) + "\"")
        .put("id", spec.id())
        .put("summary", spec.summary())
        .put("timeZone", c.zone().getId())
        .put("colorId", c.primary() ? "14" : "7")
        .put("backgroundColor", c.primary() ? "#9fe1e7" : "#42d692")
        .put("foregroundColor", "#000000");
    if (spec.hidden()) {
      out.put("hidden", true);
    }
    out.put("selected", !spec.hidden()).put("accessRole", spec.accessRole());
    ArrayNode reminders = out.putArray("defaultReminders");
    if (spec.roleRank() >= CalendarSpec.ROLES.indexOf("writer")) {
      reminders.addObject().put("method", "popup").put("minutes", 10);
    }
    if (c.primary()) {
      out.put("primary", true);
    }
    out.putObject("conferenceProperties")
        .putArray("allowedConferenceSolutionTypes")
        .add("hangoutsMeet");
    return out;
  }

  static String syncToken(long epoch) {
    return PageTokens.encode("cls", Long.toString(epoch));
  }

  private static int minRank(Params p) {
    String role = p.firstOr("minAccessRole", "freeBusyReader");
    int rank = CalendarSpec.ROLES.indexOf(role);
    if (rank < 0) {
      throw new BadRequestException("Invalid value for: " + role, "minAccessRole");
    }
    return rank;
  }

  private static int offset(String token) {
    List<String> f = PageTokens.decode(token, 2, "pageToken");
    try {
      return f.get(0).equals("cl") ? Math.max(0, Integer.parseInt(f.get(1))) : bad();
    } catch (NumberFormatException e) {
      return bad();
    }
  }

  private static int bad() {
    throw new BadRequestException("Invalid pageToken", "pageToken");
  }

  private static int maxResults(Params p) {
    int max = p.integer("maxResults").orElse(DEFAULT_MAX);
    if (max <= 0) {
      throw new BadRequestException("Invalid value for maxResults: " + max, "maxResults");
    }
    return Math.min(max, MAX);
  }
}
