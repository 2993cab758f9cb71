package dev.officeflow.googlesim.push;

import dev.officeflow.googlesim.admin.StatsRecorder;
import dev.officeflow.googlesim.calendar.Channel;
import dev.officeflow.googlesim.calendar.ChannelNotifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts Calendar channel notifications: an empty POST with Google's {@code X-Goog-*} headers. One
 * sender thread keeps them in order per channel ({@code sync} before the first {@code exists}).
 * Failed posts are counted, not retried.
 */
public final class WebhookNotifier implements ChannelNotifier, AutoCloseable {

  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final System.Logger LOG = System.getLogger(WebhookNotifier.class.getName());

  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "google-sim-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final StatsRecorder stats;

  public WebhookNotifier(StatsRecorder stats) {
    this.stats = stats;
  }

  @Override
  public void notify(Channel channel, String state) {
    long number = channel.nextMessageNumber();
    sender.execute(() -> send(channel, state, number));
  }

  private void send(Channel channel, String state, long number) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(channel.address()))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header("X-Goog-Channel-ID", channel.id())
            .header("X-Goog-Channel-Expiration", RFC_1123.format(channel.expiration()))
            .header("X-Goog-Resource-ID", channel.resourceId())
            .header("X-Goog-Resource-URI", channel.resourceUri())
            .header("X-Goog-Resource-State", state)
            .header("X-Goog-Message-Number", Long.toString(number));
    if (channel.token() != null) {
      request.header("X-Goog-Channel-Token", channel.token());
    }
    try {
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        stats.calendarNotification();
      } else {
        stats.notificationFailure();
      }
    } catch (java.io.IOException e) {
      stats.notificationFailure();
      LOG.log(
          System.Logger.Level.WARNING,
          "channel " + channel.id() + " notification failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
