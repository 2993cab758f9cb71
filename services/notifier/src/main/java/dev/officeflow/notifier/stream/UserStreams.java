package dev.officeflow.notifier.stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Each user's bounded buffer in Redis, shared by every notifier instance: a Redis stream per user
 * ({@code notifier:{<user>}:events}, at most {@code buffer-size} entries, none older than {@code
 * buffer-age}), whose entry ids are the SSE ids, so they grow per user whichever instance appended.
 * An append also publishes the entry on the user's channel ({@code notifier:{<user>}:live}) in the
 * same script, so the channel's order is the stream's, and the instance that holds the user's
 * connections ({@link LiveConnections}) forwards it. Only users seen in the last {@code buffer-age}
 * ({@link #markPresent}) are buffered: a backfill of a user who has no page open costs Redis
 * nothing. Thread-safe.
 */
public final class UserStreams implements AutoCloseable {

  /**
   * KEYS: stream, presence, forgotten; ARGV: type, data, max entries, max age ms, channel. A
   * forgotten user is never buffered again, even if a presence refresh raced their purge.
   */
  private static final String APPEND =
      """
      if redis.call('EXISTS', KEYS[2]) == 0 or redis.call('EXISTS', KEYS[3]) == 1 then
        return false
      end
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[3], '*', 't', ARGV[1], 'd', ARGV[2])
      redis.call('XTRIM', KEYS[1], 'MINID', tostring(now - tonumber(ARGV[4])))
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('PUBLISH', ARGV[5], id .. '\\n' .. ARGV[1] .. '\\n' .. ARGV[2])
      return id
      """;

  /**
   * KEYS: stream; ARGV: after, count. The newest id trimmed away (Redis 7's max-deleted-entry-id)
   * tells whether the client missed entries; {@code missing} when the stream expired.
   */
  private static final String REPLAY =
      """
      if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing', {}} end
      local info = redis.call('XINFO', 'STREAM', KEYS[1])
      local deleted = '0-0'
      for i = 1, #info, 2 do
        if info[i] == 'max-deleted-entry-id' then deleted = info[i + 1] end
      end
      return {deleted, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])}
      """;

  /**
   * KEYS: forgotten, stream, presence; ARGV: remember-for ms, channel, message. Records the user as
   * forgotten, drops their buffer, and tells every instance holding one of their streams to close
   * it; the keys share the user's hash tag, so it is one step in one slot.
   */
  private static final String FORGET =
      """
      redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
      redis.call('DEL', KEYS[2], KEYS[3])
      redis.call('PUBLISH', ARGV[2], ARGV[3])
      return 1
      """;

  /**
   * What {@link #forget} publishes on the user's channel: no entry has this shape (an entry is
   * {@code id \n type \n data}), so the receiving instances close the user's streams.
   */
  static final String FORGOTTEN = "forgotten";

  private final StatefulRedisConnection<String, String> connection;
  private final RedisReactiveCommands<String, String> redis;
  private final StreamSettings settings;

  public UserStreams(RedisClient client, StreamSettings settings) {
    this.connection = client.connect();
    this.redis = connection.reactive();
    this.settings = settings;
  }

  /**
   * Appends to {@code userId}'s buffer and publishes to their connections; the entry's id, or empty
   * when the user has not been seen within the buffer's age (nothing to keep it for).
   */
  public Mono<EventId> append(String userId, Notification notification) {
    String[] keys = {stream(userId), presence(userId), forgotten(userId)};
    String[] args = {
      notification.type(),
      notification.data(),
      Integer.toString(settings.bufferSize()),
      Long.toString(settings.bufferAge().toMillis()),
      channel(userId)
    };
    return redis
        .<String>eval(APPEND, ScriptOutputType.VALUE, keys, args)
        .next()
        .flatMap(id -> Mono.justOrEmpty(EventId.parse(id)));
  }

  /** Buffers {@code userId}'s events from now for the buffer's age (a connection opened). */
  public Mono<Void> markPresent(String userId) {
    return redis
        .set(presence(userId), "1", SetArgs.Builder.px(settings.bufferAge().toMillis()))
        .then();
  }

  /**
   * Records {@code userId} as deleted for {@code rememberFor}, drops their buffer and closes their
   * streams on every instance (again is harmless).
   */
  public Mono<Void> forget(String userId, Duration rememberFor) {
    String[] keys = {forgotten(userId), stream(userId), presence(userId)};
    String[] args = {Long.toString(rememberFor.toMillis()), channel(userId), FORGOTTEN};
    return redis.<Long>eval(FORGET, ScriptOutputType.INTEGER, keys, args).then();
  }

  /** Whether {@code userId} was deleted (recorded by {@link #forget} and not yet expired). */
  public Mono<Boolean> isForgotten(String userId) {
    return redis.exists(forgotten(userId)).map(count -> count > 0);
  }

  /** The entries after {@code after} still buffered, and whether any were trimmed before. */
  Mono<Replay> replay(String userId, EventId after) {
    String[] keys = {stream(userId)};
    String[] args = {after.toString(), Integer.toString(settings.bufferSize())};
    return redis
        .<List<Object>>eval(REPLAY, ScriptOutputType.MULTI, keys, args)
        .next()
        .map(reply -> Replay.of(reply, after));
  }

  static String channel(String userId) {
    return "notifier:{" + userId + "}:live";
  }

  /** The user of a channel name; empty for another name. */
  static Optional<String> userOfChannel(String channel) {
    if (!channel.startsWith("notifier:{") || !channel.endsWith("}:live")) {
      return Optional.empty();
    }
    return Optional.of(channel.substring("notifier:{".length(), channel.length() - 6));
  }

  private static String stream(String userId) {
    return "notifier:{" + userId + "}:events";
  }

  private static String presence(String userId) {
    return "notifier:{" + userId + "}:present";
  }

  private static String forgotten(String userId) {
    return "notifier:{" + userId + "}:forgotten";
  }

  @Override
  public void close() {
    connection.close();
  }

  /**
   * What a reconnect gets back.
   *
   * @param events the buffered entries after the client's last id, in order
   * @param incomplete whether entries after that id are gone (trimmed, or the buffer expired), so
   *     the client must reload its state
   */
  record Replay(List<StreamEvent> events, boolean incomplete) {

    static Replay of(List<Object> reply, EventId after) {
      String deleted = String.valueOf(reply.get(0));
      boolean incomplete =
          "missing".equals(deleted)
              || EventId.parse(deleted).map(d -> d.compareTo(after) > 0).orElse(true);
      List<StreamEvent> events = new ArrayList<>();
      if (reply.get(1) instanceof List<?> entries) {
        for (Object entry : entries) {
          StreamEvent event = entry(entry);
          if (event != null) {
            events.add(event);
          }
        }
      }
      return new Replay(List.copyOf(events), incomplete);
    }

    private static @Nullable StreamEvent entry(Object entry) {
      if (!(entry instanceof List<?> parts) || parts.size() != 2) {
        return null;
      }
      Optional<EventId> id = EventId.parse(String.valueOf(parts.get(0)));
      if (id.isEmpty() || !(parts.get(1) instanceof List<?> fields)) {
        return null;
      }
      String type = null;
      String data = null;
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        String field = String.valueOf(fields.get(i));
        if (field.equals("t")) {
          type = String.valueOf(fields.get(i + 1));
        } else if (field.equals("d")) {
          data = String.valueOf(fields.get(i + 1));
        }
      }
      return type == null || data == null ? null : new StreamEvent(id.get(), type, data);
    }
  }
}
