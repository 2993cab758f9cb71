package dev.officeflow.googlesim.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open notification channels, by id; expired channels are dropped when looked at. */
public final class Channels {

  private final Map<String, Channel> byId = new ConcurrentHashMap<>();
  private final Clock clock;

  public Channels(Clock clock) {
    this.clock = clock;
  }

  public void open(Channel channel) {
    byId.put(channel.id(), channel);
  }

  /** Stops a channel; both ids must match, as in {@code channels.stop}. */
  public boolean stop(String id, String resourceId) {
    Channel c = byId.get(id);
    return c != null && c.resourceId().equals(resourceId) && byId.remove(id, c);
  }

  public Optional<Channel> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The live channels on any of {@code owner}'s calendars. */
  public List<Channel> forOwner(String owner) {
    byId.values().removeIf(c -> !c.expiration().isAfter(clock.instant()));
    return byId.values().stream().filter(c -> c.owner().equalsIgnoreCase(owner)).toList();
  }

  /** The live channels on one calendar of {@code owner}. */
  public List<Channel> forCalendar(String owner, String calendarId) {
    return forOwner(owner).stream()
        .filter(c -> c.calendarId().equalsIgnoreCase(calendarId))
        .toList();
  }

  public void clear() {
    byId.clear();
  }
}
