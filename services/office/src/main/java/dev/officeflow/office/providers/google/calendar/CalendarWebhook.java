package dev.officeflow.office.providers.google.calendar;

import dev.officeflow.office.streaming.StreamingMetrics;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/google/calendar}: Google's channel notifications. Public (Google sends no
 * service credential), so each call must name a known channel and carry its secret token, compared
 * in constant time; otherwise 401 and nothing runs. A {@code sync} message only confirms a new
 * channel; any other state asks for a listing, which runs after the answer.
 */
final class CalendarWebhook {

  static final String PATH = "/webhooks/google/calendar";

  private static final Logger LOG = LoggerFactory.getLogger(CalendarWebhook.class);

  private final ChannelStore channels;
  private final CalendarSyncer syncer;
  private final StreamingMetrics metrics;

  CalendarWebhook(ChannelStore channels, CalendarSyncer syncer, StreamingMetrics metrics) {
    this.channels = channels;
    this.syncer = syncer;
    this.metrics = metrics;
  }

  Mono<ServerResponse> handle(ServerRequest request) {
    String id = request.headers().firstHeader("X-Goog-Channel-ID");
    String token = request.headers().firstHeader("X-Goog-Channel-Token");
    String state = request.headers().firstHeader("X-Goog-Resource-State");
    if (id == null || token == null || state == null) {
      return unauthorized();
    }
    byte[] presented = ChannelKeeper.sha256(token);
    return channels
        .find(id)
        .filter(channel -> MessageDigest.isEqual(channel.tokenSha256(), presented))
        .flatMap(
            channel -> {
              accept(channel.calendar(), state);
              return ServerResponse.noContent().build();
            })
        .switchIfEmpty(Mono.defer(CalendarWebhook::unauthorized));
  }

  private void accept(CalendarKey calendar, String state) {
    if ("sync".equals(state)) {
      return;
    }
    metrics.notifications.increment();
    syncer
        .request(calendar)
        .subscribe(
            null,
            e -> LOG.warn("calendar {}: notification not handled: {}", calendar, e.toString()));
  }

  private static Mono<ServerResponse> unauthorized() {
    return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
  }
}
