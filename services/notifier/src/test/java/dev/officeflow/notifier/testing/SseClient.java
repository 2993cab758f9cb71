package dev.officeflow.notifier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events reader as a browser's EventSource reads a stream: it collects each event
 * (id, type, data) and counts comments, on a thread of its own until closed or the server ends it.
 */
public final class SseClient implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int status;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger comments = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final @Nullable Stream<String> lines;

  /** One event as EventSource dispatches it. */
  public record Event(@Nullable String id, String type, String data) {}

  private SseClient(HttpResponse<Stream<String>> response) {
    this.status = response.statusCode();
    this.lines = response.body();
    Thread reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code url}, sending {@code lastEventId} as EventSource's reconnect does. */
  public static SseClient open(String url, @Nullable String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void read() {
    String id = null;
    String type = "message";
    StringBuilder data = null;
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, type, data.toString()));
          }
          id = null;
          type = "message";
          data = null;
        } else if (line.startsWith(":")) {
          comments.incrementAndGet();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data = (data == null ? new StringBuilder() : data.append('\n'));
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException e) {
      // closed by us or by the server: the stream ended either way
    } finally {
      ended.set(true);
    }
  }

  public int status() {
    return status;
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  public List<Event> events(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  public int comments() {
    return comments.get();
  }

  /** Whether the server ended the stream (or it was closed here). */
  public boolean ended() {
    return ended.get();
  }

  @Override
  public void close() {
    if (lines != null) {
      lines.close();
    }
  }
}
