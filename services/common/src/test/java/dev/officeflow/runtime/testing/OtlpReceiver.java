package dev.officeflow.runtime.testing;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP/HTTP receiver of traces, as a collector would be: {@code POST /v1/traces} with an
 * {@code ExportTraceServiceRequest} (protobuf, gzip or not), every span kept with its resource's
 * {@code service.name}. Point a service at {@link #endpoint()} with {@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} (or the {@code otel.exporter.otlp.endpoint} property).
 */
public final class OtlpReceiver implements AutoCloseable {

  /** One exported span; ids in lower-case hex, {@code parentSpanId} empty for a root. */
  public record ExportedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind) {}

  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free port of the loopback address. */
  public static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server);
      server.createContext("/v1/traces", receiver::traces);
      server.createContext("/", OtlpReceiver::notFound);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OTLP endpoint, without the signal's path ({@code http://127.0.0.1:<port>}). */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every span received so far. */
  public List<ExportedSpan> spans() {
    return List.copyOf(spans);
  }

  /** The spans of one trace received so far. */
  public List<ExportedSpan> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  private void traces(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
      request.getResourceSpansList().forEach(this::keep);
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length);
      exchange.getResponseBody().write(response);
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    InputStream body = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
  }

  private void keep(ResourceSpans resourceSpans) {
    String service =
        resourceSpans.getResource().getAttributesList().stream()
            .filter(a -> a.getKey().equals("service.name"))
            .map(KeyValue::getValue)
            .map(v -> v.getStringValue())
            .findFirst()
            .orElse("");
    for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
      for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
        spans.add(
            new ExportedSpan(
                service,
                hex(span.getTraceId()),
                hex(span.getSpanId()),
                hex(span.getParentSpanId()),
                span.getName(),
                span.getKind().name()));
      }
    }
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(404, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
