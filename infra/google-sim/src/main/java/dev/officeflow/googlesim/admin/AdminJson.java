package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.googlesim.faults.FaultSettings;
import dev.officeflow.googlesim.oauth.TokenGrant;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.simkit.mailbox.ContactRank;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON shapes of the admin API (also used by the {@code --accounts} config file). Field names match
 * the record components; absent fields keep their defaults.
 */
public final class AdminJson {

  private AdminJson() {}

  /**
   * An account from {@code {"email", "displayName", "seed", "recentMessages", ..., "calendars":
   * [{"id", "summary", "accessRole", "events", "olderEvents", "hidden"}], "contacts",
   * "otherContacts"}}.
   */
  public static AccountSpec account(JsonNode n) {
    AccountSpec base = AccountSpec.of(Json.text(n, "email", ""));
    List<CalendarSpec> calendars = new ArrayList<>();
    n.path("calendars").forEach(c -> calendars.add(calendar(c)));
    base =
        base.withCalendars(calendars)
            .withContacts(n.path("contacts").asInt(0), n.path("otherContacts").asInt(0));
    MailboxSpec m = base.mailbox();
    MailboxSpec mailbox =
        new MailboxSpec(
            n.path("seed").asLong(m.seed()),
            n.path("recentMessages").asInt(m.recentMessages()),
            n.path("olderMessages").asInt(m.olderMessages()),
            n.path("events").asInt(m.events()),
            n.path("olderEvents").asInt(m.olderEvents()));
    return settings(base.withMailbox(mailbox), n);
  }

  static CalendarSpec calendar(JsonNode c) {
    return new CalendarSpec(
        Json.text(c, "id", ""),
        Json.text(c, "summary", Json.text(c, "id", "")),
        Json.text(c, "accessRole", "owner"),
        c.path("events").asInt(0),
        c.path("olderEvents").asInt(0),
        c.path("hidden").asBoolean(false));
  }

  static NewContact contact(JsonNode n) {
    return new NewContact(
        Json.text(n, "givenName", ""),
        Json.text(n, "familyName", ""),
        List.copyOf(strings(n.path("emails"))),
        List.copyOf(strings(n.path("phones"))),
        Json.text(n, "organization", ""),
        Json.text(n, "title", ""));
  }

  static ContactUpdate contactUpdate(JsonNode n) {
    return new ContactUpdate(
        n.hasNonNull("givenName") ? n.get("givenName").asString() : null,
        n.hasNonNull("familyName") ? n.get("familyName").asString() : null,
        n.has("emails") ? List.copyOf(strings(n.get("emails"))) : null,
        n.has("phones") ? List.copyOf(strings(n.get("phones"))) : null,
        n.hasNonNull("organization") ? n.get("organization").asString() : null,
        n.hasNonNull("title") ? n.get("title").asString() : null);
  }

  /** Applies the consent settings present in {@code n}. */
  public static AccountSpec settings(AccountSpec spec, JsonNode n) {
    AccountSpec out = spec;
    if (n.hasNonNull("displayName")) {
      out = out.withDisplayName(n.get("displayName").asString());
    }
    if (n.has("grantedScopes")) {
      out = out.withGrantedScopes(strings(n.get("grantedScopes")));
    }
    if (n.has("denyConsent")) {
      out = out.withDenyConsent(n.get("denyConsent").asBoolean());
    }
    if (n.has("tokenLifetimeSeconds")) {
      out = out.withTokenLifetime(Duration.ofSeconds(n.get("tokenLifetimeSeconds").asLong()));
    }
    return out;
  }

  /**
   * Quota settings from {@code {"gmailUnitsPerMinute", "calendarRequestsPerMinute",
   * "peopleRequestsPerMinute", "projectGmailUnitsPerMinute", "projectCalendarRequestsPerMinute",
   * "projectPeopleRequestsPerMinute", "burstSeconds", "calendarStatus", "enabled"}}; absent fields
   * keep {@code q}'s values.
   */
  public static QuotaSettings quota(QuotaSettings q, JsonNode n) {
    return new QuotaSettings(
        whole(n, "gmailUnitsPerMinute", q.gmailUnitsPerMinute()),
        whole(n, "calendarRequestsPerMinute", q.calendarRequestsPerMinute()),
        n.has("burstSeconds")
            ? Duration.ofMillis((long) (n.get("burstSeconds").asDouble() * 1000))
            : q.burst(),
        whole(n, "calendarStatus", q.calendarStatus()),
        n.path("enabled").asBoolean(q.enabled()),
        whole(n, "peopleRequestsPerMinute", q.peopleRequestsPerMinute()),
        whole(n, "projectGmailUnitsPerMinute", q.projectGmailUnitsPerMinute()),
        whole(n, "projectCalendarRequestsPerMinute", q.projectCalendarRequestsPerMinute()),
        whole(n, "projectPeopleRequestsPerMinute", q.projectPeopleRequestsPerMinute()));
  }

  /** An integer field, {@code fallback} when absent; anything but a whole number is refused. */
  private static int whole(JsonNode n, String field, int fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be a whole number, not " + v);
    }
    return v.intValue();
  }

  /** The quota settings as {@code GET /sim/quota} shows them: the names {@link #quota} reads. */
  static ObjectNode quota(QuotaSettings q) {
    return Json.object()
        .put("gmailUnitsPerMinute", q.gmailUnitsPerMinute())
        .put("calendarRequestsPerMinute", q.calendarRequestsPerMinute())
        .put("peopleRequestsPerMinute", q.peopleRequestsPerMinute())
        .put("projectGmailUnitsPerMinute", q.projectGmailUnitsPerMinute())
        .put("projectCalendarRequestsPerMinute", q.projectCalendarRequestsPerMinute())
        .put("projectPeopleRequestsPerMinute", q.projectPeopleRequestsPerMinute())
        .put("burstSeconds", q.burst().toMillis() / 1000.0)
        .put("calendarStatus", q.calendarStatus())
        .put("enabled", q.enabled());
  }

  public static FaultSettings faults(FaultSettings f, JsonNode n) {
    List<Integer> statuses = new ArrayList<>();
    n.path("statuses").forEach(s -> statuses.add(s.asInt()));
    return new FaultSettings(
        n.path("errorRate").asDouble(f.errorRate()),
        statuses.isEmpty() ? f.statuses() : statuses,
        n.has("latencyMs") ? Duration.ofMillis(n.get("latencyMs").asLong()) : f.latency(),
        n.path("seed").asLong(f.seed()));
  }

  static NewMessage message(JsonNode n) {
    return new NewMessage(
        Json.text(n, "fromName", ""),
        Json.text(n, "fromEmail", ""),
        List.copyOf(strings(n.path("to"))),
        List.copyOf(strings(n.path("cc"))),
        Json.text(n, "subject", ""),
        Json.text(n, "text", ""),
        List.copyOf(strings(n.path("labelIds"))),
        n.hasNonNull("threadId") ? n.get("threadId").asString() : null,
        n.hasNonNull("date") ? Instant.parse(n.get("date").asString()) : null);
  }

  static NewEvent event(JsonNode n) {
    return new NewEvent(
        Json.text(n, "summary", ""),
        ZonedDateTime.parse(Json.text(n, "start", "")),
        ZonedDateTime.parse(Json.text(n, "end", "")),
        List.copyOf(strings(n.path("attendees"))),
        Json.text(n, "description", ""),
        Json.text(n, "location", ""));
  }

  static EventUpdate eventUpdate(JsonNode n) {
    return new EventUpdate(
        n.hasNonNull("summary") ? n.get("summary").asString() : null,
        n.hasNonNull("start") ? ZonedDateTime.parse(n.get("start").asString()) : null,
        n.hasNonNull("end") ? ZonedDateTime.parse(n.get("end").asString()) : null,
        n.hasNonNull("description") ? n.get("description").asString() : null,
        n.hasNonNull("location") ? n.get("location").asString() : null);
  }

  static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(v.asString()));
    return out;
  }

  static ObjectNode token(TokenGrant g, Instant now) {
    ObjectNode out = Json.object();
    out.put("access_token", g.accessToken());
    if (g.refreshToken() != null) {
      out.put("refresh_token", g.refreshToken());
    }
    out.put("expires_in", Duration.between(now, g.expiresAt()).toSeconds());
    out.put("scope", String.join(" ", g.scopes())).put("token_type", "Bearer");
    return out;
  }

  static ArrayNode ranks(List<ContactRank> ranks) {
    ArrayNode out = Json.array();
    for (ContactRank r : ranks) {
      out.addObject()
          .put("email", r.email())
          .put("displayName", r.displayName())
          .put("score", r.score())
          .put("sent", r.sent())
          .put("received", r.received())
          .put("meetings", r.meetings())
          .put("plantedRank", r.plantedRank());
    }
    return out;
  }

  static JsonNode tree(Object value) {
    return Json.MAPPER.valueToTree(value);
  }
}
