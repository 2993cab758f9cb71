package dev.officeflow.office.providers.microsoft.streaming;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/microsoft/notifications} and {@code /webhooks/microsoft/lifecycle}: Graph's
 * change and lifecycle notifications. Public (Graph sends no credential), so each notification must
 * name a known subscription and carry its {@code clientState}, compared in constant time; a body
 * with any that does not is answered 401 (Graph then retries it, which also covers a notification
 * that overtook its subscription's row), and the forged ones change nothing. Graph's validation
 * handshake ({@code ?validationToken=...}, on creation, renewal and reauthorization) is answered at
 * once with the decoded token as {@code text/plain} ({@code nosniff}; at most {@link #MAX_TOKEN}
 * characters). Bad input is an RFC 9457 problem: 400 for a body that is not a notification
 * collection or an over-long token, 413 past {@link #MAX_BODY}, 401 for a forged notification.
 */
final class NotificationWebhook {

  static final String NOTIFICATIONS = "/webhooks/microsoft/notifications";
  static final String LIFECYCLE = "/webhooks/microsoft/lifecycle";
  static final String VALIDATION_TOKEN = "validationToken";

  /**
   * The longest validation token echoed: Graph's is a sentence of a few dozen characters; anything
   * far longer is not Graph's and is refused rather than reflected.
   */
  static final int MAX_TOKEN = 1024;

  /**
   * The largest notification body read: Graph batches notifications without resource data (about 1
   * KB each) in one POST; a body past this is refused before it is parsed.
   */
  static final int MAX_BODY = 1 << 20;

  private final NotificationHandler handler;

  NotificationWebhook(NotificationHandler handler) {
    this.handler = handler;
  }

  Mono<ServerResponse> notifications(ServerRequest request) {
    return handle(request, (s, n) -> handler.changed(s));
  }

  Mono<ServerResponse> lifecycle(ServerRequest request) {
    return handle(
        request,
        (s, n) -> {
          if (n.lifecycleEvent() != null) {
            handler.lifecycle(s, n.lifecycleEvent());
          }
        });
  }

  private Mono<ServerResponse> handle(
      ServerRequest request,
      BiConsumer<SubscriptionStore.StoredSubscription, GraphNotification> act) {
    var token = request.queryParam(VALIDATION_TOKEN);
    if (token.isPresent()) {
      return handshake(token.get());
    }
    return body(request)
        .map(GraphNotification::parse)
        .flatMap(notifications -> accept(notifications, act))
        .onErrorResume(
            IllegalArgumentException.class,
            e -> problem(HttpStatus.BAD_REQUEST, "not a Graph notification body"))
        .onErrorResume(
            DataBufferLimitException.class,
            e -> problem(HttpStatus.CONTENT_TOO_LARGE, "notification body over " + MAX_BODY));
  }

  /**
   * Graph's handshake: the decoded token back, as plain text the browser must not sniff (it is the
   * caller's text: never rendered as HTML), and only when it can be Graph's.
   */
  private static Mono<ServerResponse> handshake(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN) {
      return problem(
          HttpStatus.BAD_REQUEST, "validationToken must be 1 to " + MAX_TOKEN + " characters");
    }
    return ServerResponse.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .bodyValue(token);
  }

  /** An RFC 9457 problem, as the rest of the service answers bad input. */
  private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(ProblemDetail.forStatusAndDetail(status, detail));
  }

  /** Every genuine notification is acted on; the answer says whether all were. */
  private Mono<ServerResponse> accept(
      List<GraphNotification> notifications,
      BiConsumer<SubscriptionStore.StoredSubscription, GraphNotification> act) {
    return Flux.fromIterable(notifications)
        .concatMap(n -> handler.verify(n).doOnNext(s -> act.accept(s, n)).hasElement())
        .all(genuine -> genuine)
        .flatMap(
            all ->
                all && !notifications.isEmpty()
                    ? ServerResponse.accepted().build()
                    : problem(
                        HttpStatus.UNAUTHORIZED,
                        "unknown subscription or wrong clientState; nothing was changed"));
  }

  private static Mono<byte[]> body(ServerRequest request) {
    return DataBufferUtils.join(request.body((message, context) -> message.getBody()), MAX_BODY)
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            })
        .defaultIfEmpty(new byte[0]);
  }
}
