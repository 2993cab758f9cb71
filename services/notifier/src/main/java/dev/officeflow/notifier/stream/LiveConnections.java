package dev.officeflow.notifier.stream;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The streams this instance serves, by user, and the one Redis pub/sub connection that brings their
 * entries: the instance subscribes to a user's channel while it holds one of their connections, so
 * it receives the events of its own users only. Each connection has a bounded queue of its own;
 * Redis' thread only offers to it and never waits, and a connection whose queue is full (its client
 * stopped reading) is closed. Thread-safe.
 */
public final class LiveConnections implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final UserStreams streams;
  private final StreamSettings settings;
  private final Map<String, UserConnections> users = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final Counter dropped;
  private final Disposable presence;
  private final RedisClient client;
  private final RedisConnectionStateListener disconnects;

  public LiveConnections(
      RedisClient client, UserStreams streams, StreamSettings settings, MeterRegistry meters) {
    this.streams = streams;
    this.settings = settings;
    this.pubSub = client.connectPubSub();
    this.pubSub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            deliver(channel, message);
          }
        });
    // While the pub/sub connection is down, entries published meanwhile never reach it (Lettuce
    // resubscribes, but Redis does not replay a channel): close every stream, so that each client
    // reconnects with its Last-Event-ID and resumes from the buffer.
    this.client = client;
    this.disconnects =
        new RedisConnectionStateListener() {
          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (connection == pubSub) {
              abortAll();
            }
          }
        };
    client.addListener(disconnects);
    Gauge.builder("officeflow_notifier_streams", open, AtomicInteger::get)
        .description("Server-Sent Event streams open on this instance")
        .register(meters);
    this.dropped =
        Counter.builder("officeflow_notifier_slow_clients_dropped")
            .description("streams closed because their client stopped reading")
            .register(meters);
    // Users with a stream here stay "present", so their events keep being buffered for a reconnect.
    Duration refresh = settings.bufferAge().dividedBy(3);
    this.presence =
        Flux.interval(refresh, refresh)
            .onBackpressureDrop()
            .concatMap(tick -> Flux.fromIterable(users.keySet()).flatMap(streams::markPresent, 16))
            .onErrorContinue((e, o) -> log.warn("cannot refresh presence: {}", e.toString()))
            .subscribe();
  }

  /**
   * Registers a new connection of {@code userId}'s; completes once this instance receives the
   * user's channel, so that nothing published after it is missed. Errors with {@link
   * TooManyStreamsException} when the user holds the most streams allowed here.
   *
   * @param abort closes the connection's socket: a signal through the stream would wait behind the
   *     events its stalled client does not read
   */
  Mono<Connection> open(String userId, Runnable abort) {
    // A queue that grows in small chunks as entries wait, bounded by the count in deliver(): an
    // array of client-buffer slots allocated up front cost every idle stream a kilobyte and more.
    Sinks.Many<StreamEvent> sink =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<StreamEvent>unbounded(8).get());
    Connection connection = new Connection(userId, sink, abort);
    UserConnections entry =
        users.compute(
            userId,
            (id, current) -> {
              UserConnections held = current != null ? current : subscribe(id);
              if (held.connections.size() < settings.maxConnectionsPerUser()) {
                held.connections.add(connection);
              }
              return held;
            });
    if (!entry.connections.contains(connection)) {
      return Mono.error(new TooManyStreamsException(settings.maxConnectionsPerUser()));
    }
    open.incrementAndGet();
    return entry.subscribed.thenReturn(connection).doOnError(e -> close(connection));
  }

  private UserConnections subscribe(String userId) {
    Mono<Void> subscribed =
        Mono.fromCompletionStage(pubSub.async().subscribe(UserStreams.channel(userId)))
            .then()
            .cache();
    return new UserConnections(new CopyOnWriteArraySet<>(), subscribed);
  }

  /** Forgets a connection; the last one of a user's unsubscribes their channel. */
  void close(Connection connection) {
    if (!connection.closed.compareAndSet(false, true)) {
      return;
    }
    open.decrementAndGet();
    users.computeIfPresent(
        connection.userId,
        (id, entry) -> {
          entry.connections.remove(connection);
          if (!entry.connections.isEmpty()) {
            return entry;
          }
          pubSub.async().unsubscribe(UserStreams.channel(id));
          return null;
        });
  }

  /** {@code userId}'s streams open on this instance. */
  int streamsOf(String userId) {
    UserConnections entry = users.get(userId);
    return entry == null ? 0 : entry.connections.size();
  }

  /** Streams open on this instance. */
  public int openStreams() {
    return open.get();
  }

  private void deliver(String channel, String message) {
    String userId = UserStreams.userOfChannel(channel).orElse(null);
    UserConnections entry = userId == null ? null : users.get(userId);
    if (entry == null) {
      return;
    }
    if (UserStreams.FORGOTTEN.equals(message)) {
      closeForgotten(userId, entry);
      return;
    }
    StreamEvent event;
    try {
      event = StreamEvent.parse(message);
    } catch (IllegalArgumentException e) {
      log.warn("ignoring a malformed message on {}", channel);
      return;
    }
    for (Connection connection : entry.connections) {
      boolean full = connection.waiting.incrementAndGet() > settings.clientBuffer();
      Sinks.EmitResult result =
          full ? Sinks.EmitResult.FAIL_OVERFLOW : connection.sink.tryEmitNext(event);
      // Once: the entries that follow until the socket is gone find the sink terminated.
      if (result == Sinks.EmitResult.FAIL_OVERFLOW
          && connection.sink.tryEmitError(new SlowClientException(settings.clientBuffer()))
              == Sinks.EmitResult.OK) {
        dropped.increment();
        log.info(
            "closing a stream of user {}: its client left {} events unread",
            userId,
            settings.clientBuffer());
        connection.abort.run();
      }
    }
  }

  /**
   * The user was deleted: each of their streams here ends at once (its socket closed, as for a slow
   * client), and EventSource's reconnect then finds its ticket refused.
   */
  private void closeForgotten(String userId, UserConnections entry) {
    log.info("closing {} streams of deleted user {}", entry.connections.size(), userId);
    for (Connection connection : entry.connections) {
      connection.sink.tryEmitError(new UserForgottenException());
      connection.abort.run();
    }
  }

  private void abortAll() {
    int count = open.get();
    if (count > 0) {
      log.warn("lost Redis pub/sub: closing {} streams, their clients resume on reconnect", count);
    }
    users.values().forEach(e -> e.connections.forEach(c -> c.abort.run()));
  }

  @Override
  public void close() {
    client.removeListener(disconnects);
    presence.dispose();
    // Clients reconnect (to another instance) and resume from their Last-Event-ID.
    users.values().forEach(e -> e.connections.forEach(c -> c.sink.tryEmitComplete()));
    pubSub.close();
  }

  private record UserConnections(Set<Connection> connections, Mono<Void> subscribed) {}

  /** One open stream: its user and its bounded queue of entries not yet written. */
  static final class Connection {

    private final String userId;
    private final Sinks.Many<StreamEvent> sink;
    private final Runnable abort;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Entries given to the sink and not yet taken by the stream: at most client-buffer. */
    private final AtomicInteger waiting = new AtomicInteger();

    private Connection(String userId, Sinks.Many<StreamEvent> sink, Runnable abort) {
      this.userId = userId;
      this.sink = sink;
      this.abort = abort;
    }

    /** The entries published for the user since the connection opened; errors when too slow. */
    Flux<StreamEvent> live() {
      return sink.asFlux().doOnNext(taken -> waiting.decrementAndGet());
    }
  }
}
