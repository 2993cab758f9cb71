package dev.officeflow.googlesim.calendar;

import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code events.watch} and {@code channels.stop}, and the fan-out of change notifications to the
 * channels open on a calendar.
 */
public final class CalendarChannels {

  static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
  static final Duration MAX_LIFETIME = Duration.ofDays(30);

  private final Channels channels;
  private final ChannelNotifier notifier;
  private final Clock clock;

  public CalendarChannels(Channels channels, ChannelNotifier notifier, Clock clock) {
    this.channels = channels;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** Notifies every live channel on {@code calendar} that it changed. */
  public void changed(CalendarStore calendar) {
    channels
        .forCalendar(calendar.owner(), calendar.id())
        .forEach(c -> notifier.notify(c, "exists"));
  }

  SimResponse watch(CalendarStore store, String calendarId, JsonNode body) {
    String id = Json.text(body, "id", "");
    String address = Json.text(body, "address", "");
    String type = Json.text(body, "type", "");
    if (id.isEmpty() || address.isEmpty() || !(type.equals("web_hook") || type.equals("webhook"))) {
      return GoogleErrors.badRequest(
          ApiKind.CALENDAR, "Invalid channel: id, address and type web_hook are required.", null);
    }
    if (channels.get(id).isPresent()) {
      return GoogleErrors.of(
          ApiKind.CALENDAR,
          400,
          "global",
          "channelIdNotUnique",
          "Channel id " + id + " not unique");
    }
    String token = body.hasNonNull("token") ? body.get("token").asString() : null;
    Channel channel =
        new Channel(
            id,
            resourceId(store.id()),
            resourceUri(calendarId),
            address,
            token,
            expiration(body),
            store.owner(),
            store.id(),
            new AtomicLong());
    channels.open(channel);
    notifier.notify(channel, "sync");
    ObjectNode out = Json.object();
    out.put("kind", "api#channel")
        .put("id", id)
        .put("resourceId", channel.resourceId())
        .put("resourceUri", channel.resourceUri());
    if (token != null) {
      out.put("token", token);
    }
    out.put("expiration", Long.toString(channel.expiration().toEpochMilli()));
    return SimResponse.ok(out);
  }

  SimResponse stop(JsonNode body) {
    String id = Json.text(body, "id", "");
    String resourceId = Json.text(body, "resourceId", "");
    if (!channels.stop(id, resourceId)) {
      return GoogleErrors.of(
          ApiKind.CALENDAR,
          404,
          "global",
          "notFound",
          "Channel '" + id + "' not found for project");
    }
    return SimResponse.noContent();
  }

  private Instant expiration(JsonNode body) {
    Instant now = clock.instant();
    Instant max = now.plus(MAX_LIFETIME);
    if (!body.hasNonNull("expiration")) {
      return now.plus(DEFAULT_LIFETIME);
    }
    Instant asked = Instant.ofEpochMilli(Long.parseLong(body.get("expiration").asString()));
    return asked.isAfter(max) ? max : asked;
  }

  /**
   * Stable per calendar, as Google's resource ids are (the primary calendar's id is the owner's
   * address, so its resource id is the one earlier versions derived from the owner).
   */
  static String resourceId(String calendarId) {
    return UUID.nameUUIDFromBytes(calendarId.getBytes(StandardCharsets.UTF_8))
        .toString()
        .replace("-", "")
        .substring(0, 26);
  }

  private static String resourceUri(String calendarId) {
    return "https://www.googleapis.com/calendar/v3/calendars/" + calendarId + "/events?alt=json";
  }
}
