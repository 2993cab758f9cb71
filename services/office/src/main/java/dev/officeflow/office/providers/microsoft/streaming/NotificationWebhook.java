package dev.officeflow.office.providers.microsoft.streaming;

import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * once with the decoded token as {@code text/plain}.
 */
final class NotificationWebhook {

  static final String NOTIFICATIONS = "/webhooks/microsoft/notifications";
  static final String LIFECYCLE = "/webhooks/microsoft/lifecycle";
  static final String VALIDATION_TOKEN = "validationToken";

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
      return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(token.get());
    }
    return body(request)
        .map(GraphNotification::parse)
        .flatMap(notifications -> accept(notifications, act))
        .onErrorResume(IllegalArgumentException.class, e -> ServerResponse.badRequest().build());
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
                    : ServerResponse.status(HttpStatus.UNAUTHORIZED).build());
  }

  private static Mono<byte[]> body(ServerRequest request) {
    return DataBufferUtils.join(request.body((message, context) -> message.getBody()))
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
