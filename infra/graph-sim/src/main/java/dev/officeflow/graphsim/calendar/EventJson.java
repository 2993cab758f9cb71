package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.account.GraphIds;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.calendar.Person;
import dev.officeflow.simkit.web.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as Graph v1.0 writes it ({@code microsoft.graph.event}): start and end as {@code
 * {dateTime, timeZone}} in the zone the client prefers (UTC by default; all-day events at local
 * midnight), attendees with {@code status {response, time}} (the organizer is not among them, as in
 * Outlook), the owner's own answer in {@code responseStatus}, a series' rule as {@code recurrence}.
 */
final class EventJson {

  static final String TYPE = "microsoft.graph.event";

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final String NO_TIME = "0001-01-01T00:00:00Z";

  /** Outlook's iCalendar UIDs start with this class id; the rest is per event. */
  private static final String ICAL_UID_PREFIX = "040000008200E00074C5B7101A82E008";

  static final Set<String> PROPERTIES =
      Set.of(
          "id",
          "createdDateTime",
          "lastModifiedDateTime",
          "changeKey",
          "categories",
          "transactionId",
          "originalStartTimeZone",
          "originalEndTimeZone",
          "iCalUId",
          "reminderMinutesBeforeStart",
          "isReminderOn",
          "hasAttachments",
          "subject",
          "bodyPreview",
          "importance",
          "sensitivity",
          "isAllDay",
          "isCancelled",
          "isOrganizer",
          "responseRequested",
          "seriesMasterId",
          "showAs",
          "type",
          "webLink",
          "onlineMeetingUrl",
          "isOnlineMeeting",
          "onlineMeetingProvider",
          "allowNewTimeProposals",
          "isDraft",
          "hideAttendees",
          "responseStatus",
          "body",
          "start",
          "end",
          "location",
          "locations",
          "recurrence",
          "attendees",
          "organizer");

  /** The zone times are written in and the name the client used for it. */
  record Zone(ZoneId zone, String name) {
    static final Zone UTC_ZONE = new Zone(ZoneOffset.UTC, "UTC");

    static Zone preferred(Optional<String> name) {
      return name.flatMap(n -> WindowsZones.zone(n).map(z -> new Zone(z, n))).orElse(UTC_ZONE);
    }
  }

  private EventJson() {}

  static ObjectNode of(Instance i, ZoneId ownerZone, Zone zone, boolean textBody) {
    EventRecord e = i.record();
    ObjectNode o = Json.object();
    identity(o, i, ownerZone);
    flags(o, i);
    o.set("responseStatus", ownResponse(e));
    o.set("body", body(e.description(), textBody));
    o.set("start", time(e.start(), zone));
    o.set("end", time(e.end(), zone));
    o.set("location", location(e.location()));
    ArrayNode locations = o.putArray("locations");
    if (!e.location().isEmpty()) {
      locations.add(location(e.location()));
    }
    if (i.type().equals("seriesMaster")) {
      o.set("recurrence", RecurrencePattern.of(e));
    } else {
      o.putNull("recurrence");
    }
    o.set("attendees", attendees(e));
    o.set("organizer", emailAddress(e.organizer().email(), name(e.organizer())));
    return o;
  }

  /** Ids, versions and the time zones the event was made in. */
  private static void identity(ObjectNode o, Instance i, ZoneId ownerZone) {
    EventRecord e = i.record();
    String changeKey = GraphIds.changeKey(i.id(), i.version());
    o.put("@odata.etag", "W/\"" + changeKey + "\"");
    o.put("id", i.id());
    o.put("createdDateTime", UTC.format(e.created()));
    o.put("lastModifiedDateTime", UTC.format(i.item().lastModified()));
    o.put("changeKey", changeKey);
    o.putArray("categories");
    o.putNull("transactionId");
    String original = e.start().isAllDay() ? "UTC" : WindowsZones.windowsName(ownerZone);
    o.put("originalStartTimeZone", original).put("originalEndTimeZone", original);
    String uid = GraphIds.changeKey(i.id(), 0).replaceAll("[^A-Za-z0-9]", "");
    o.put("iCalUId", ICAL_UID_PREFIX + uid.toUpperCase(Locale.ROOT));
  }

  /** The scalar properties: subject, preview, kind of event and how it shows. */
  private static void flags(ObjectNode o, Instance i) {
    EventRecord e = i.record();
    o.put("reminderMinutesBeforeStart", reminder(e));
    o.put("isReminderOn", true);
    o.put("hasAttachments", !e.attachments().isEmpty());
    o.put("subject", e.summary());
    o.put("bodyPreview", MailItem.preview(e.description()));
    o.put("importance", "normal");
    o.put("sensitivity", sensitivity(e.visibility()));
    o.put("isAllDay", e.start().isAllDay());
    o.put("isCancelled", e.isCancelled());
    o.put("isOrganizer", e.organizer().self());
    o.put("responseRequested", true);
    o.put("seriesMasterId", i.seriesMasterId());
    boolean busy = !e.start().isAllDay();
    o.put("showAs", !busy ? "free" : e.status().equals("tentative") ? "tentative" : "busy");
    o.put("type", i.type());
    String item = URLEncoder.encode(i.id(), StandardCharsets.UTF_8);
    o.put(
        "webLink",
        "https://outlook.office365.com/owa/?itemid=" + item + "&exvsurl=1&path=/calendar/item");
    o.putNull("onlineMeetingUrl");
    o.put("isOnlineMeeting", false).put("onlineMeetingProvider", "unknown");
    o.put("allowNewTimeProposals", true).put("isDraft", false).put("hideAttendees", false);
  }

  private static int reminder(EventRecord e) {
    return e.reminderOverrides() == null || e.reminderOverrides().isEmpty()
        ? 15
        : e.reminderOverrides().get(0).minutes();
  }

  private static String sensitivity(String visibility) {
    return switch (visibility) {
      case "private" -> "private";
      case "confidential" -> "confidential";
      default -> "normal";
    };
  }

  private static ObjectNode ownResponse(EventRecord e) {
    ObjectNode o = Json.object();
    if (e.organizer().self()) {
      return o.put("response", "organizer").put("time", NO_TIME);
    }
    String own =
        e.attendees().stream()
            .filter(Attendee::self)
            .map(a -> response(a.responseStatus(), "notResponded"))
            .findFirst()
            .orElse("notResponded");
    return o.put("response", own)
        .put("time", own.equals("notResponded") ? NO_TIME : UTC.format(e.updated()));
  }

  /** Google's answers in Outlook's words. */
  static String response(String google, String unanswered) {
    return switch (google) {
      case "accepted" -> "accepted";
      case "declined" -> "declined";
      case "tentative" -> "tentativelyAccepted";
      default -> unanswered;
    };
  }

  private static ArrayNode attendees(EventRecord e) {
    ArrayNode out = Json.array();
    for (Attendee a : e.attendees()) {
      if (a.email().equalsIgnoreCase(e.organizer().email())) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("type", a.optional() ? "optional" : "required");
      String response = response(a.responseStatus(), "none");
      o.putObject("status")
          .put("response", response)
          .put("time", response.equals("none") ? NO_TIME : UTC.format(e.updated()));
      o.set(
          "emailAddress",
          emailAddress(a.email(), a.displayName().isEmpty() ? a.email() : a.displayName())
              .get("emailAddress"));
    }
    return out;
  }

  private static ObjectNode body(String text, boolean plain) {
    ObjectNode o = Json.object();
    if (plain) {
      return o.put("contentType", "text").put("content", text);
    }
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return o.put("contentType", "html")
        .put("content", "<html><body><div>" + escaped + "</div></body></html>");
  }

  private static ObjectNode time(EventTime t, Zone zone) {
    ObjectNode o = Json.object();
    String local =
        t.isAllDay()
            ? LOCAL.format(t.date().atStartOfDay())
            : LOCAL.format(t.dateTime().withZoneSameInstant(zone.zone()).toLocalDateTime());
    return o.put("dateTime", local).put("timeZone", zone.name());
  }

  private static ObjectNode location(String name) {
    ObjectNode o = Json.object();
    o.put("displayName", name).put("locationType", "default").put("uniqueIdType", "unknown");
    o.putObject("address");
    o.putObject("coordinates");
    return o;
  }

  private static String name(Person p) {
    return p.displayName().isEmpty() ? p.email() : p.displayName();
  }

  private static ObjectNode emailAddress(String address, String name) {
    ObjectNode o = Json.object();
    o.putObject("emailAddress").put("name", name).put("address", address);
    return o;
  }

  static String utc(Instant t) {
    return UTC.format(t);
  }
}
