package dev.officeflow.graphsim.batch;

import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One request of a JSON batch: {@code id}, {@code method}, {@code url} (relative to the version,
 * {@code /me/messages?$top=5}), optional {@code headers}, {@code body} (a JSON value, or a base64
 * string) and {@code dependsOn}.
 */
record BatchStep(
    String id,
    String method,
    String url,
    Map<String, String> headers,
    byte[] body,
    List<String> dependsOn) {

  BatchStep {
    headers = Map.copyOf(headers);
    dependsOn = List.copyOf(dependsOn);
  }

  static BatchStep parse(JsonNode node) {
    if (!node.isObject()) {
      throw Refusals.badRequest("Invalid batch payload format.");
    }
    String id = text(node, "id");
    String method = text(node, "method").toUpperCase(Locale.ROOT);
    String url = text(node, "url");
    Map<String, String> headers = new LinkedHashMap<>();
    node.path("headers")
        .properties()
        .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
    List<String> dependsOn = new ArrayList<>();
    node.path("dependsOn").forEach(d -> dependsOn.add(d.asString()));
    return new BatchStep(id, method, url, headers, body(node.get("body")), dependsOn);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isString() || v.asString().isBlank()) {
      throw new GraphException(
          400, "BadRequest", "Invalid batch payload format: every request needs '" + field + "'.");
    }
    return v.asString();
  }

  private static byte[] body(JsonNode body) {
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    if (body.isString()) {
      try {
        return Base64.getDecoder().decode(body.asString());
      } catch (IllegalArgumentException e) {
        throw Refusals.badRequest("Invalid batch payload format: a string body must be base64.");
      }
    }
    return Json.bytes(body);
  }

  /**
   * The request as it would arrive alone: the path under {@code /v1.0}, the query decoded, the
   * batch's {@code Authorization} and {@code Host} unless the step names its own.
   */
  SimRequest toRequest(SimRequest outer) {
    String relative = url;
    int version = relative.indexOf(Links.VERSION + "/");
    if (relative.startsWith("http") && version >= 0) {
      relative = relative.substring(version + Links.VERSION.length());
    }
    if (!relative.startsWith("/")) {
      relative = "/" + relative;
    }
    int q = relative.indexOf('?');
    // A path keeps '+' literal; only %-escapes are decoded (URLDecoder alone would read a space).
    String rawPath = (q < 0 ? relative : relative.substring(0, q)).replace("+", "%2B");
    String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
    Params query = q < 0 ? Params.EMPTY : Params.parse(relative.substring(q + 1));
    Map<String, List<String>> all = new LinkedHashMap<>();
    outer.header("authorization").ifPresent(a -> all.put("authorization", List.of(a)));
    outer.header("host").ifPresent(h -> all.put("host", List.of(h)));
    headers.forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), List.of(v)));
    return new SimRequest(method, Links.VERSION + path, query, all, body);
  }
}
