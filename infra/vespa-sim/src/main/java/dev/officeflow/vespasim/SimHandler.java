package dev.officeflow.vespasim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler: reads the body without blocking, routes to the document, search or admin API,
 * applies injected faults and latency, and writes JSON.
 */
final class SimHandler extends Handler.Abstract.NonBlocking {

  private static final Logger log = LoggerFactory.getLogger(SimHandler.class);
  private static final String JSON = "application/json;charset=UTF-8";

  private final DocumentApi documents;
  private final SearchApi search;
  private final AdminApi admin;
  private final FaultInjector faults;
  private final ScheduledExecutorService delays;

  SimHandler(
      DocumentApi documents,
      SearchApi search,
      AdminApi admin,
      FaultInjector faults,
      ScheduledExecutorService delays) {
    this.documents = documents;
    this.search = search;
    this.admin = admin;
    this.faults = faults;
    this.delays = delays;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String rawPath = request.getHttpURI().getPath();
    Map<String, String> params = params(request);
    Content.Source.asStringAsync(request, StandardCharsets.UTF_8)
        .whenComplete(
            (body, failure) -> {
              if (failure != null) {
                Response.writeError(request, response, callback, failure);
              } else {
                route(new ApiRequest(method, rawPath, params, body), response, callback);
              }
            });
    return true;
  }

  private void route(ApiRequest request, Response response, Callback callback) {
    if (request.rawPath().startsWith(AdminApi.PREFIX)) {
      write(response, callback, () -> admin.handle(request));
      return;
    }
    boolean searching = request.rawPath().startsWith(SearchApi.PREFIX);
    Optional<ApiResponse> fault =
        request.rawPath().startsWith(ApiPath.PREFIX) || searching
            ? faults.maybeFail(request)
            : Optional.empty();
    ApiCall call =
        () -> fault.orElseGet(() -> searching ? search.handle(request) : documents.handle(request));
    long latency = faults.current().latencyMs();
    if (latency > 0) {
      delays.schedule(() -> write(response, callback, call), latency, TimeUnit.MILLISECONDS);
    } else {
      write(response, callback, call);
    }
  }

  private static void write(Response response, Callback callback, ApiCall call) {
    ApiResponse result;
    try {
      result = call.run();
    } catch (RuntimeException e) {
      log.warn("Request failed", e);
      result = new ApiResponse(500, Json.error("", "vespa-sim failed: " + e));
    }
    response.setStatus(result.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, ByteBuffer.wrap(Json.bytes(result.body())), callback);
  }

  private static Map<String, String> params(Request request) {
    Map<String, String> params = new HashMap<>();
    for (Fields.Field field : Request.extractQueryParameters(request)) {
      params.putIfAbsent(field.getName(), field.getValue());
    }
    return params;
  }

  /** Computes a response; may throw, which becomes a 500. */
  @FunctionalInterface
  private interface ApiCall {
    ApiResponse run();
  }
}
