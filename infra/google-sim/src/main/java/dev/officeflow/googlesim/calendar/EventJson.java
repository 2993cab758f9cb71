package dev.officeflow.googlesim.calendar;

import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventAttachment;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.calendar.Person;
import dev.officeflow.simkit.web.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Calendar {@code Event} resource as the real API writes it. */
final class EventJson {

  static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Always with seconds: {@code OffsetDateTime.toString()} drops them, which RFC 3339 forbids. */
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private EventJson() {}

  /**
   * A cancelled event carries only what Google guarantees for deleted events: kind, etag, id,
   * status (and the series link for an instance).
   */
  static ObjectNode render(EventRecord e, String calendarOwner) {
    ObjectNode out = Json.object();
    out.put("kind", "calendar#event")
        .put("etag", etag(e))
        .put("id", e.id())
        .put("status", e.status());
    if (e.isCancelled()) {
      series(out, e);
      return out;
    }
    out.put("htmlLink", htmlLink(e.id(), calendarOwner));
    out.put("created", RFC3339.format(e.created())).put("updated", RFC3339.format(e.updated()));
    out.put("summary", e.summary());
    putIfText(out, "description", e.description());
    putIfText(out, "location", e.location());
    if (e.colorId() != null) {
      out.put("colorId", e.colorId());
    }
    out.set("creator", person(e.creator()));
    out.set("organizer", person(e.organizer()));
    out.set("start", time(e.start()));
    out.set("end", time(e.end()));
    if (e.isRecurring()) {
      ArrayNode rules = out.putArray("recurrence");
      e.recurrence().forEach(rules::add);
    }
    series(out, e);
    if (!e.visibility().equals("default")) {
      out.put("visibility", e.visibility());
    }
    out.put(
        "iCalUID", (e.recurringEventId() != null ? e.recurringEventId() : e.id()) + "@google.com");
    out.put("sequence", e.sequence());
    attendees(out, e);
    out.set("reminders", reminders(e));
    attachments(out, e);
    out.put("eventType", "default");
    return out;
  }

  private static void series(ObjectNode out, EventRecord e) {
    if (e.recurringEventId() != null) {
      out.put("recurringEventId", e.recurringEventId());
    }
    if (e.originalStartTime() != null) {
      out.set("originalStartTime", time(e.originalStartTime()));
    }
  }

  static String etag(EventRecord e) {
    return "\"" + (e.updated().toEpochMilli() * 1000 + e.sequence()) + "\"";
  }

  static String htmlLink(String id, String owner) {
    String eid =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((id + " " + owner).getBytes(StandardCharsets.UTF_8));
    return "https://www.google.com/calendar/event?eid=" + eid;
  }

  static String format(Instant instant) {
    return RFC3339.format(instant);
  }

  private static void putIfText(ObjectNode out, String field, String value) {
    if (!value.isEmpty()) {
      out.put(field, value);
    }
  }

  private static ObjectNode person(Person p) {
    ObjectNode node = Json.object();
    node.put("email", p.email());
    putIfText(node, "displayName", p.displayName());
    if (p.self()) {
      node.put("self", true);
    }
    return node;
  }

  static ObjectNode time(EventTime t) {
    ObjectNode node = Json.object();
    if (t.isAllDay()) {
      node.put("date", t.date().toString());
    } else {
      node.put("dateTime", DATE_TIME.format(t.dateTime()));
      node.put("timeZone", t.dateTime().getZone().getId());
    }
    return node;
  }

  private static void attendees(ObjectNode out, EventRecord e) {
    if (e.attendees().isEmpty()) {
      return;
    }
    ArrayNode list = out.putArray("attendees");
    for (Attendee a : e.attendees()) {
      ObjectNode node = list.addObject();
      node.put("email", a.email());
      putIfText(node, "displayName", a.displayName());
      if (a.organizer()) {
        node.put("organizer", true);
      }
      if (a.self()) {
        node.put("self", true);
      }
      if (a.optional()) {
        node.put("optional", true);
      }
      node.put("responseStatus", a.responseStatus());
    }
  }

  private static ObjectNode reminders(EventRecord e) {
    ObjectNode node = Json.object();
    node.put("useDefault", e.reminderOverrides() == null);
    if (e.reminderOverrides() != null) {
      ArrayNode overrides = node.putArray("overrides");
      e.reminderOverrides()
          .forEach(
              r -> overrides.addObject().put("method", r.method()).put("minutes", r.minutes()));
    }
    return node;
  }

  private static void attachments(ObjectNode out, EventRecord e) {
    if (e.attachments().isEmpty()) {
      return;
    }
    ArrayNode list = out.putArray("attachments");
    for (EventAttachment a : e.attachments()) {
      list.addObject()
          .put("fileUrl", a.fileUrl())
          .put("title", a.title())
          .put("mimeType", a.mimeType())
          .put("iconLink", a.iconLink())
          .put("fileId", a.fileId());
    }
  }
}
