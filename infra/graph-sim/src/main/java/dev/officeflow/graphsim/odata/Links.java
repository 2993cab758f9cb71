package dev.officeflow.graphsim.odata;

import dev.officeflow.simkit.web.SimRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Absolute links ({@code @odata.nextLink}, {@code @odata.deltaLink}, {@code @odata.context}) built
 * from the host the client used, so a client reaching the simulator by another name (Docker) gets
 * links it can follow. Query names are written percent-encoded ({@code %24skiptoken}) as Graph
 * writes them.
 */
public final class Links {

  /** The version segment every Graph path starts with. */
  public static final String VERSION = "/v1.0";

  private Links() {}

  /** {@code http://host:port/v1.0}. */
  public static String graphBase(SimRequest request) {
    return "http://" + request.header("host").orElse("localhost") + VERSION;
  }

  /**
   * {@code base + path + ?query}, the path as the request named it (it starts with {@code /v1.0}).
   */
  public static String link(SimRequest request, String path, Map<String, String> query) {
    String base = "http://" + request.header("host").orElse("localhost");
    if (query.isEmpty()) {
      return base + path;
    }
    String q =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return base + path + "?" + q;
  }

  /** {@code <base>/$metadata#users('<id>')/<what>}. */
  public static String context(SimRequest request, String userId, String what) {
    return graphBase(request) + "/$metadata#users('" + userId + "')/" + what;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
