package dev.officeflow.notifier.stream;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One user's stream as the browser reads it: a first comment with the reconnect delay, then what
 * was buffered after the client's {@code Last-Event-ID} (or a {@code resync} event when some of it
 * is gone), then every new entry as it is published, with a heartbeat comment in between. The
 * connection is registered before the buffer is read, so an entry published meanwhile arrives live;
 * one that arrives both ways is sent once.
 */
public final class EventStream {

  private static final String RESYNC =
      "{\"reason\":\"events after your last event id are no longer buffered: reload your state\"}";

  private final UserStreams streams;
  private final LiveConnections connections;
  private final StreamSettings settings;
  private final Flux<ServerSentEvent<String>> heartbeats;

  public EventStream(UserStreams streams, LiveConnections connections, StreamSettings settings) {
    this.streams = streams;
    this.connections = connections;
    this.settings = settings;
    // One timer for every stream; each stream drops the beats its client has no room for.
    this.heartbeats =
        Flux.interval(settings.heartbeat(), settings.heartbeat())
            .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build())
            .share();
  }

  /**
   * {@code userId}'s events, resuming after {@code after} when given. Errors with {@link
   * TooManyStreamsException} before the first event when the user holds too many streams here.
   *
   * @param abort closes the HTTP connection at once, for a client that stopped reading
   */
  public Flux<ServerSentEvent<String>> open(
      String userId, @Nullable EventId after, Runnable abort) {
    return streams
        .markPresent(userId)
        .thenMany(
            Flux.usingWhen(
                connections.open(userId, abort),
                connection -> unlessForgotten(userId, events(userId, after, connection)),
                connection -> Mono.fromRunnable(() -> connections.close(connection)),
                (connection, error) -> Mono.fromRunnable(() -> connections.close(connection)),
                connection -> Mono.fromRunnable(() -> connections.close(connection))));
  }

  /**
   * Whether {@code userId} may open another stream here. The stream checks again as it opens (and
   * then fails without a status): this check lets the caller answer 429 first.
   */
  public boolean admits(String userId) {
    return connections.streamsOf(userId) < settings.maxConnectionsPerUser();
  }

  public int maxConnectionsPerUser() {
    return settings.maxConnectionsPerUser();
  }

  /**
   * Asked once the user's channel is subscribed: a purge that recorded the user before then is seen
   * here, and one after it reaches the channel (it records, then publishes), so a stream that opens
   * while its user is being deleted cannot stay open.
   */
  private Flux<ServerSentEvent<String>> unlessForgotten(
      String userId, Flux<ServerSentEvent<String>> events) {
    return streams
        .isForgotten(userId)
        .flatMapMany(gone -> gone ? Flux.error(new UserForgottenException()) : events);
  }

  private Flux<ServerSentEvent<String>> events(
      String userId, @Nullable EventId after, LiveConnections.Connection connection) {
    AtomicReference<@Nullable EventId> lastReplayed = new AtomicReference<>();
    Flux<ServerSentEvent<String>> replayed =
        after == null
            ? Flux.empty()
            : streams
                .replay(userId, after)
                .flatMapMany(
                    replay -> {
                      Flux<ServerSentEvent<String>> resync =
                          replay.incomplete()
                              ? Flux.just(ServerSentEvent.builder(RESYNC).event("resync").build())
                              : Flux.empty();
                      Flux<ServerSentEvent<String>> buffered =
                          Flux.fromIterable(replay.events())
                              .doOnNext(e -> lastReplayed.set(e.id()))
                              .map(EventStream::sse);
                      return resync.concatWith(buffered);
                    });
    Flux<ServerSentEvent<String>> live =
        connection
            .live()
            .filter(
                e -> {
                  EventId last = lastReplayed.get();
                  return last == null || e.id().compareTo(last) > 0;
                })
            .map(EventStream::sse);
    ServerSentEvent<String> hello =
        ServerSentEvent.<String>builder()
            .retry(settings.reconnectDelay())
            .comment("connected")
            .build();
    return Flux.merge(
        Flux.concat(Flux.just(hello), replayed, live), heartbeats.onBackpressureDrop());
  }

  private static ServerSentEvent<String> sse(StreamEvent event) {
    return ServerSentEvent.builder(event.data())
        .id(event.id().toString())
        .event(event.type())
        .build();
  }
}
