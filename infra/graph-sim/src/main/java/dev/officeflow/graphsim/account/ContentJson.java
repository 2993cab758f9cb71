package dev.officeflow.graphsim.account;

import dev.officeflow.simkit.web.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the admin API's content bodies into the records the account takes. */
final class ContentJson {

  private ContentJson() {}

  /**
   * {@code {fromName, fromEmail, to[], cc[], bcc[], subject, text, categories[], isRead,
   * conversationId, receivedDateTime}}; no {@code fromEmail} means the owner sent it.
   */
  static NewMessage message(JsonNode b) {
    return new NewMessage(
        Json.text(b, "fromName", ""),
        Json.text(b, "fromEmail", ""),
        strings(b.path("to")),
        strings(b.path("cc")),
        strings(b.path("bcc")),
        Json.text(b, "subject", ""),
        Json.text(b, "text", ""),
        strings(b.path("categories")),
        b.path("isRead").asBoolean(false),
        b.hasNonNull("conversationId") ? b.get("conversationId").asString() : null,
        b.hasNonNull("receivedDateTime") ? instant(b.get("receivedDateTime").asString()) : null);
  }

  /** {@code {isRead, categories[], flagged, importance, subject}}, each optional. */
  static MessageUpdate messageUpdate(JsonNode b) {
    return new MessageUpdate(
        b.has("isRead") ? b.get("isRead").asBoolean() : null,
        b.has("categories") ? strings(b.get("categories")) : null,
        b.has("flagged") ? b.get("flagged").asBoolean() : null,
        b.hasNonNull("importance") ? b.get("importance").asString() : null,
        b.hasNonNull("subject") ? b.get("subject").asString() : null);
  }

  /**
   * {@code {subject, start, end, timeZone, isAllDay, attendees[], body, location, recurrence[]}};
   * times are ISO 8601 with an offset, or local times in {@code timeZone} (default the owner's).
   */
  static NewEvent event(JsonNode b, ZoneId ownerZone) {
    ZoneId zone = b.hasNonNull("timeZone") ? ZoneId.of(b.get("timeZone").asString()) : ownerZone;
    return new NewEvent(
        Json.text(b, "subject", ""),
        time(required(b, "start"), zone),
        time(required(b, "end"), zone),
        b.path("isAllDay").asBoolean(false),
        strings(b.path("attendees")),
        Json.text(b, "body", ""),
        Json.text(b, "location", ""),
        strings(b.path("recurrence")));
  }

  /** {@code {subject, start, end, timeZone, body, location, isCancelled}}, each optional. */
  static EventUpdate eventUpdate(JsonNode b, ZoneId ownerZone) {
    ZoneId zone = b.hasNonNull("timeZone") ? ZoneId.of(b.get("timeZone").asString()) : ownerZone;
    return new EventUpdate(
        b.hasNonNull("subject") ? b.get("subject").asString() : null,
        b.hasNonNull("start") ? time(b.get("start").asString(), zone) : null,
        b.hasNonNull("end") ? time(b.get("end").asString(), zone) : null,
        b.hasNonNull("body") ? b.get("body").asString() : null,
        b.hasNonNull("location") ? b.get("location").asString() : null,
        b.path("isCancelled").asBoolean(false));
  }

  /**
   * {@code {givenName, surname, emailAddresses[], businessPhones[], mobilePhone, companyName,
   * jobTitle}}; an address may be a string or Graph's {@code {"address": ...}}.
   */
  static NewContact contact(JsonNode b) {
    return new NewContact(
        Json.text(b, "givenName", ""),
        Json.text(b, "surname", ""),
        addresses(b.path("emailAddresses")),
        strings(b.path("businessPhones")),
        Json.text(b, "mobilePhone", ""),
        Json.text(b, "companyName", ""),
        Json.text(b, "jobTitle", ""));
  }

  static ContactUpdate contactUpdate(JsonNode b) {
    return new ContactUpdate(
        b.hasNonNull("givenName") ? b.get("givenName").asString() : null,
        b.hasNonNull("surname") ? b.get("surname").asString() : null,
        b.has("emailAddresses") ? addresses(b.get("emailAddresses")) : null,
        b.hasNonNull("companyName") ? b.get("companyName").asString() : null,
        b.hasNonNull("jobTitle") ? b.get("jobTitle").asString() : null);
  }

  private static String required(JsonNode b, String field) {
    if (!b.hasNonNull(field)) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
    return b.get(field).asString();
  }

  private static List<String> strings(@Nullable JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asString()));
    }
    return out;
  }

  private static List<String> addresses(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isObject() ? Json.text(n, "address", "") : n.asString()));
    return out;
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO 8601 time with offset: " + text);
    }
  }

  private static ZonedDateTime time(String text, ZoneId zone) {
    try {
      return ZonedDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(zone);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("not an ISO 8601 date and time: " + text);
      }
    }
  }
}
