package dev.officeflow.notifier.stream.web;

import dev.officeflow.notifier.stream.EventId;
import dev.officeflow.notifier.stream.EventStream;
import dev.officeflow.notifier.stream.TooManyStreamsException;
import dev.officeflow.notifier.ticket.StreamTickets;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.web.ProblemCodes;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/stream}, the EventSource endpoint, served beneath the WebFlux exchange: an idle
 * stream held through the annotated-controller path cost about 35 KB of heap (the exchange and its
 * attributes, the request observation, Spring Security's eight observed filters, the handler
 * method's resolvers and model, each kept alive for the stream's whole life), and an instance must
 * hold 10,000. The route needs none of it: it authenticates by its ticket (never a bearer token),
 * sends no traced calls, and writes its own few responses. What the rest of the stack gave it is
 * done here: CORS for the allowed origins, the RFC 9457 problems, no caching. Every other request
 * goes to WebFlux as before.
 */
public final class StreamRoute implements HttpHandlerDecoratorFactory {

  static final String PATH = "/v1/stream";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StreamTickets tickets;
  private final EventStream stream;
  private final CorsConfiguration cors;
  private final ForgottenUsers forgotten;

  /**
   * @param forgotten the deleted users, whose tickets open nothing (also one issued just before the
   *     user was deleted, whose revocation it may have missed)
   */
  public StreamRoute(
      StreamTickets tickets, EventStream stream, CorsConfiguration cors, ForgottenUsers forgotten) {
    this.tickets = tickets;
    this.stream = stream;
    this.cors = cors;
    this.forgotten = forgotten;
  }

  @Override
  public HttpHandler apply(HttpHandler next) {
    return (request, response) ->
        request.getMethod() == HttpMethod.GET
                && PATH.equals(request.getPath().pathWithinApplication().value())
            ? serve(request, response)
            : next.handle(request, response);
  }

  private Mono<Void> serve(ServerHttpRequest request, ServerHttpResponse response) {
    String origin = request.getHeaders().getOrigin();
    if (origin != null && CorsUtils.isCorsRequest(request)) {
      String allowed = cors.checkOrigin(origin);
      if (allowed == null) {
        return problem(response, HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN, "origin refused");
      }
      response.getHeaders().setAccessControlAllowOrigin(allowed);
      response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
    Optional<EventId> after;
    try {
      after = lastEventId(request);
    } catch (IllegalArgumentException e) {
      return problem(
          response, HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, e.getMessage());
    }
    String ticket = request.getQueryParams().getFirst("ticket");
    if (ticket == null) {
      return unauthorized(response);
    }
    return tickets
        .redeem(ticket)
        .filterWhen(userId -> forgotten.isForgotten(userId).map(gone -> !gone))
        .flatMap(userId -> open(userId, after.orElse(null), request, response))
        .switchIfEmpty(Mono.defer(() -> unauthorized(response)));
  }

  private Mono<Void> open(
      String userId,
      @Nullable EventId after,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (!stream.admits(userId)) {
      String detail = new TooManyStreamsException(stream.maxConnectionsPerUser()).getMessage();
      return problem(response, HttpStatus.TOO_MANY_REQUESTS, "too_many_streams", detail);
    }
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.TEXT_EVENT_STREAM);
    headers.setCacheControl(CacheControl.noStore());
    // nginx buffers responses unless told not to; an event must leave at once.
    headers.set("X-Accel-Buffering", "no");
    response.setStatusCode(HttpStatus.OK);
    return response.writeAndFlushWith(
        stream
            .open(userId, after, abort(request))
            .map(event -> Mono.fromSupplier(() -> response.bufferFactory().wrap(frame(event)))));
  }

  /** The header wins over the parameter (a new EventSource sends no header). */
  private static Optional<EventId> lastEventId(ServerHttpRequest request) {
    String header = request.getHeaders().getFirst("Last-Event-ID");
    String given =
        header != null && !header.isEmpty()
            ? header
            : request.getQueryParams().getFirst("last_event_id");
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        EventId.parse(given)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Last-Event-ID is not an event id of this stream (<millis>-<sequence>)")));
  }

  /** One event as the SSE wire format has it, as Spring's own encoder writes it. */
  static byte[] frame(ServerSentEvent<String> event) {
    StringBuilder text = new StringBuilder(64);
    if (event.id() != null) {
      text.append("id:").append(event.id()).append('\n');
    }
    if (event.event() != null) {
      text.append("event:").append(event.event()).append('\n');
    }
    if (event.retry() != null) {
      text.append("retry:").append(event.retry().toMillis()).append('\n');
    }
    if (event.comment() != null) {
      text.append(':').append(event.comment().replace("\n", "\n:")).append('\n');
    }
    if (event.data() != null) {
      text.append("data:").append(event.data().replace("\n", "\ndata:")).append('\n');
    }
    return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Resets the request's connection (reactor-netty's), discarding whatever is queued to write on
   * it. A graceful close would send its FIN only after the kernel's send buffer (megabytes on some
   * hosts) drained into a client that stopped reading: the socket and that memory would stay held
   * for as long as the client stays stalled. SO_LINGER 0 makes the close an RST at once.
   */
  private static Runnable abort(ServerHttpRequest request) {
    Object target = ServerHttpRequestDecorator.getNativeRequest(request);
    return () -> {
      if (target instanceof Connection connection) {
        connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        connection.dispose();
      }
    };
  }

  private static Mono<Void> unauthorized(ServerHttpResponse response) {
    return problem(
        response,
        HttpStatus.UNAUTHORIZED,
        ProblemCodes.UNAUTHORIZED,
        "the stream needs a ticket from POST /v1/stream-tickets that has not expired");
  }

  /** An RFC 9457 problem, as services-common's renders them for every other route. */
  private static Mono<Void> problem(
      ServerHttpResponse response, HttpStatus status, String code, String detail) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", ProblemCodes.type(code).toString());
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", PATH);
    body.put("code", code);
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(bytes.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
  }
}
