package dev.officeflow.notifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.notifier.testing.Events;
import dev.officeflow.notifier.testing.NotifierApp;
import dev.officeflow.notifier.testing.SseClient;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One notifier against the emulator and Redis: who gets what, resuming, slow clients. */
@IntegrationTest
class EventStreamIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static NotifierApp notifier;

  @BeforeAll
  static void start() {
    // A small queue per connection, so that a client that stops reading overflows it soon.
    notifier = NotifierApp.start(Map.of("officeflow.notifier.stream.client-buffer", 16));
  }

  @AfterAll
  static void stop() {
    notifier.close();
  }

  private static String user() {
    return "u-" + UUID.randomUUID();
  }

  @Test
  void aUserReceivesTheirOwnEventsAndNeverAnotherUsers() {
    String ana = user();
    String bo = user();
    try (SseClient anaStream = notifier.stream(ana);
        SseClient boStream = notifier.stream(bo)) {
      assertThat(anaStream.status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> anaStream.comments() > 0 && boStream.comments() > 0);

      notifier.publish(
          List.of(
              Events.progress(bo, 1, 10),
              Events.newMail(bo, "m-bo", "for bo only"),
              Events.progress(ana, 1, 20),
              Events.newMail(ana, "m-ana", "for ana")));

      await().atMost(WAIT).until(() -> anaStream.events().size() >= 2);
      await().atMost(WAIT).until(() -> boStream.events().size() >= 2);
      assertThat(anaStream.events())
          .extracting(SseClient.Event::data)
          .allMatch(data -> data.contains("job-" + ana) || data.contains("for ana"))
          .noneMatch(data -> data.contains(bo) || data.contains("for bo only"));
      assertThat(boStream.events())
          .extracting(SseClient.Event::data)
          .noneMatch(data -> data.contains(ana) || data.contains("for ana"));
      assertThat(anaStream.events("item").get(0).data())
          .contains("\"subject\":\"for ana\"")
          .doesNotContain("Hello Bo") // the body
          .doesNotContain("bo@example.org"); // recipients
    }
  }

  @Test
  void aBackfillIsToldAsCountsAtABoundedRateAndTheOtherKindsOneByOne() {
    String ana = user();
    try (SseClient stream = notifier.stream(ana)) {
      await().atMost(WAIT).until(() -> stream.comments() > 0);
      List<OfficeEvent> events = new ArrayList<>();
      IntStream.range(0, 300)
          .forEach(i -> events.add(EventFixtures.emailEvent(ana, "backfill-" + i)));
      IntStream.range(0, 5).forEach(i -> events.add(candidate(ana, "hash-" + i)));
      events.add(EventFixtures.integrationEvent(ana));
      notifier.publish(events);

      await().atMost(WAIT).until(() -> counted(stream, "items", "email") == 300);
      await().atMost(WAIT).until(() -> counted(stream, "vip_candidates", "contact") == 5);
      await().atMost(WAIT).until(() -> stream.events("integration").size() == 1);
      // 300 items in at most a few entries: one per coalesce interval (200 ms here) at most.
      assertThat(stream.events("items").size()).isLessThan(30);
      assertThat(stream.events("item")).isEmpty();
      assertThat(stream.events("integration").get(0).data())
          .contains("\"status\":\"active\"")
          .doesNotContain("ana@example.com");
    }
  }

  /** A contact the contacts service scored: its band travels in the metadata's tags. */
  private static ContactEvent candidate(String userId, String hash) {
    ContactEvent fixture = EventFixtures.contactEvent(userId, hash);
    EventMetadata metadata =
        fixture.metadata().withTags(Map.of("score_band", "high", "contact_hash", hash));
    return fixture.withMetadata(metadata);
  }

  /** The sum of the {@code type} entries' counts of {@code kind}, every operation. */
  private static long counted(SseClient stream, String type, String kind) {
    long sum = 0;
    Pattern count = Pattern.compile("\"" + kind + "\":\\{([^}]*)}");
    for (SseClient.Event event : stream.events(type)) {
      Matcher m = count.matcher(event.data());
      if (m.find()) {
        for (String part : m.group(1).split(",")) {
          sum += Long.parseLong(part.substring(part.indexOf(':') + 1));
        }
      }
    }
    return sum;
  }

  @Test
  void aReconnectWithLastEventIdMissesNothingStillInTheBuffer() {
    String ana = user();
    // A second tab stays connected throughout: it shows when the notifier has handled everything.
    try (SseClient watcher = notifier.stream(ana)) {
      String lastSeen;
      try (SseClient first = notifier.stream(ana)) {
        notifier.publish(List.of(Events.progress(ana, 1, 1)));
        await().atMost(WAIT).until(() -> first.events().size() == 1);
        lastSeen = first.events().get(0).id();
      }
      List<EmailEvent> missed =
          IntStream.range(0, 20)
              .mapToObj(i -> Events.newMail(ana, "m" + i, "missed " + i))
              .toList();
      notifier.publish(missed);
      await().atMost(WAIT).until(() -> watcher.events().size() == 21);

      try (SseClient resumed = SseClient.open(notifier.streamUrl(notifier.ticket(ana)), lastSeen)) {
        await().atMost(WAIT).until(() -> resumed.events().size() >= 20);
        assertThat(resumed.events()).isEqualTo(watcher.events().subList(1, 21));
        assertThat(resumed.events("resync")).isEmpty();

        notifier.publish(List.of(Events.progress(ana, 2, 50)));
        await().atMost(WAIT).until(() -> resumed.events().size() == 21);
        assertThat(resumed.events().get(20).type()).isEqualTo("progress");
      }
    }
  }

  @Test
  void aReconnectFromBeyondTheBufferIsToldToResync() {
    String ana = user();
    try (SseClient stream = notifier.stream(ana)) {
      notifier.publish(List.of(Events.progress(ana, 1, 1)));
      await().atMost(WAIT).until(() -> stream.events().size() == 1);
    }
    // An id from before anything this user's buffer holds, as after a long time offline.
    try (SseClient resumed = SseClient.open(notifier.streamUrl(notifier.ticket(ana)), "1-0")) {
      await().atMost(WAIT).until(() -> !resumed.events().isEmpty());
      // Nothing was trimmed yet: the one buffered event comes back, with no resync.
      assertThat(resumed.events().get(0).type()).isEqualTo("progress");
    }
    String bo = user();
    try (SseClient resumed = SseClient.open(notifier.streamUrl(notifier.ticket(bo)), "1-0")) {
      // Bo has no buffer at all (expired, or never had one): the page must reload its state.
      await().atMost(WAIT).until(() -> !resumed.events().isEmpty());
      assertThat(resumed.events().get(0).type()).isEqualTo("resync");
    }
  }

  @Test
  void aClientThatStopsReadingIsDroppedWhileOthersKeepReceiving() throws Exception {
    String ana = user();
    String bo = user();
    LiveConnections connections = notifier.context().getBean(LiveConnections.class);
    // Other tests' streams may still be closing: count from what is open before.
    await().atMost(WAIT).until(() -> connections.openStreams() == 0);
    try (Socket slow = stalledStream(notifier.streamUrl(notifier.ticket(ana)));
        SseClient anaOtherTab = notifier.stream(ana);
        SseClient boStream = notifier.stream(bo)) {
      await().atMost(WAIT).until(() -> connections.openStreams() == 3);
      assertThat(statusLine(slow)).isEqualTo("HTTP/1.1 200 OK");
      String subject = "x".repeat(4000);
      int rounds = 0;
      List<EmailEvent> forBo = new ArrayList<>();
      // Ana's mail fills the stalled socket, the server's buffers and then the queue of 16.
      // Watched from the server's side: reading the stalled socket here would unstall it.
      while (connections.openStreams() == 3 && rounds < 40) {
        int round = rounds++;
        List<EmailEvent> batch = new ArrayList<>();
        IntStream.range(0, 100)
            .forEach(i -> batch.add(Events.newMail(ana, "a" + round + "-" + i, subject)));
        EmailEvent toBo = Events.newMail(bo, "b" + round, "for bo " + round);
        batch.add(toBo);
        forBo.add(toBo);
        notifier.publish(batch);
        int expectedBo = forBo.size();
        await().atMost(WAIT).until(() -> boStream.events().size() == expectedBo);
      }
      assertThat(connections.openStreams()).as("the stalled stream was dropped").isEqualTo(2);
      assertThat(closedByServer(slow)).as("and its connection closed").isTrue();
      assertThat(anaOtherTab.ended()).as("ana's reading tab stays open").isFalse();
      assertThat(boStream.ended()).isFalse();
      int anaSeen = anaOtherTab.events().size();
      notifier.publish(List.of(Events.progress(ana, 1, 5), Events.progress(bo, 1, 5)));
      await().atMost(WAIT).until(() -> anaOtherTab.events().size() == anaSeen + 1);
      await().atMost(WAIT).until(() -> boStream.events().size() == forBo.size() + 1);
    }
  }

  /** Opens a stream over a socket with a tiny receive buffer and never reads from it. */
  private static Socket stalledStream(String url) throws Exception {
    URI uri = URI.create(url);
    Socket socket = new Socket();
    socket.setReceiveBufferSize(2048);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + uri.getRawPath()
                + "?"
                + uri.getRawQuery()
                + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** The first line of the response, read a byte at a time (the rest stays unread). */
  private static String statusLine(Socket socket) throws java.io.IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().strip();
  }

  /**
   * Whether the server closed the socket: reading what it holds ends in end-of-stream or a reset
   * then, and does not while the server keeps it open. The server resets a dropped stream, so the
   * end comes at once rather than after its kernel drained the send buffer into the tiny window; a
   * connection still open keeps sending (heartbeats) or goes silent, and either way never ends. Ten
   * seconds: a graceful close took longer than thirty here.
   */
  private static boolean closedByServer(Socket socket) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65536];
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        if (in.read(buffer) < 0) {
          return true;
        }
      }
      return false;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.io.IOException e) {
      return true;
    }
  }
}
