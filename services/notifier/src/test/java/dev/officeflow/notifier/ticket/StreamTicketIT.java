package dev.officeflow.notifier.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.officeflow.notifier.testing.Events;
import dev.officeflow.notifier.testing.NotifierApp;
import dev.officeflow.notifier.testing.SseClient;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Stream tickets: who gets one, what they open, for how long, and that none is ever logged. */
@IntegrationTest
class StreamTicketIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static NotifierApp notifier;

  @BeforeAll
  static void start() {
    notifier =
        NotifierApp.start(
            Map.of(
                "officeflow.notifier.ticket.ttl", "3s",
                "officeflow.notifier.ticket.max-per-user", 3,
                // What an operator chasing a problem turns on: every request and span in the log.
                "logging.level.org.springframework.web", "DEBUG",
                "logging.level.org.springframework.security", "DEBUG",
                "logging.level.reactor.netty", "DEBUG",
                "logging.level.dev.officeflow", "DEBUG",
                "officeflow.tracing.log-spans", true));
  }

  @AfterAll
  static void stop() {
    notifier.close();
  }

  private static String user() {
    return "u-" + UUID.randomUUID();
  }

  @Test
  void aTicketNeedsAValidUserJwt() {
    assertThat(notifier.requestTicket(null).statusCode()).isEqualTo(401);
    assertThat(notifier.requestTicket("not-a-jwt").statusCode()).isEqualTo(401);
    String otherAudience =
        notifier
            .jwks()
            .token(user(), TestJwks.ISSUER, List.of("someone-else"), Duration.ofMinutes(5));
    assertThat(notifier.requestTicket(otherAudience).statusCode()).isEqualTo(401);
  }

  @Test
  void missingUnknownMalformedOrForeignCredentialsOpenNoStream() {
    String jwt = notifier.jwks().token(user());
    List<String> urls =
        List.of(
            notifier.baseUrl() + "/v1/stream",
            notifier.streamUrl("A".repeat(43)),
            notifier.streamUrl("..%2F..%2Fetc"),
            notifier.streamUrl("x".repeat(2000)),
            // The user's JWT is not a ticket: a long-lived token must never work in a URL.
            notifier.streamUrl(jwt));
    for (String url : urls) {
      try (SseClient client = SseClient.open(url, null)) {
        assertThat(client.status()).as(url).isEqualTo(401);
      }
    }
  }

  @Test
  void aTicketOpensItsUsersStreamAgainUntilItExpires() {
    String ana = user();
    String ticket = notifier.ticket(ana);
    try (SseClient once = SseClient.open(notifier.streamUrl(ticket), null)) {
      assertThat(once.status()).isEqualTo(200);
    }
    // EventSource reconnects with the same URL: the ticket still opens the stream.
    try (SseClient again = SseClient.open(notifier.streamUrl(ticket), null)) {
      assertThat(again.status()).isEqualTo(200);
      notifier.publish(List.of(Events.progress(ana, 1, 7)));
      await().atMost(WAIT).until(() -> again.events().size() == 1);
    }
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              try (SseClient late = SseClient.open(notifier.streamUrl(ticket), null)) {
                return late.status() == 401;
              }
            });
  }

  @Test
  void theVipPagesOriginMayAskForATicketAndNoOtherOrigin() throws Exception {
    assertThat(preflight("http://127.0.0.1:8083").statusCode()).isEqualTo(200);
    assertThat(
            preflight("http://127.0.0.1:8083").headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://127.0.0.1:8083");
    assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> preflight(String origin) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(notifier.baseUrl() + "/v1/stream-tickets"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization")
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aUserHoldsABoundedNumberOfTickets() {
    String jwt = notifier.jwks().token(user());
    for (int i = 0; i < 3; i++) {
      assertThat(notifier.requestTicket(jwt).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> refused = notifier.requestTicket(jwt);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("\"code\":\"too_many_tickets\"");
  }

  @Test
  void noTicketIsEverWrittenToTheLog() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    String ana = user();
    String ticket;
    try {
      ticket = notifier.ticket(ana);
      try (SseClient stream = SseClient.open(notifier.streamUrl(ticket), null)) {
        notifier.publish(List.of(Events.progress(ana, 1, 3)));
        await().atMost(WAIT).until(() -> stream.events().size() == 1);
      }
      try (SseClient stream = SseClient.open(notifier.streamUrl(ticket), "bad-id")) {
        assertThat(stream.status()).isEqualTo(400);
      }
    } finally {
      root.detachAppender(lines);
      lines.stop();
    }
    // Threads of the app may still be appending (the appender appends under its own lock, and
    // not at all once stopped): read a copy taken under that lock.
    List<ILoggingEvent> logged;
    synchronized (lines) {
      logged = List.copyOf(lines.list);
    }
    assertThat(logged).as("something was logged at debug").hasSizeGreaterThan(10);
    assertThat(logged)
        .noneMatch(
            line ->
                String.valueOf(line.getFormattedMessage()).contains(ticket)
                    || line.getMDCPropertyMap().toString().contains(ticket)
                    || String.valueOf(line.getKeyValuePairs()).contains(ticket)
                    || (line.getThrowableProxy() != null
                        && String.valueOf(line.getThrowableProxy().getMessage()).contains(ticket)));
  }
}
