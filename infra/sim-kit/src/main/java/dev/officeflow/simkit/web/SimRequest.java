package dev.officeflow.simkit.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request as the simulator sees it, whether it came over the socket or out of a batch.
 *
 * @param path the decoded path, always starting with {@code /}
 * @param headers header names in lower case
 */
public record SimRequest(
    String method, String path, Params query, Map<String, List<String>> headers, byte[] body) {

  public SimRequest {
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = lower;
  }

  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The token of an {@code Authorization: Bearer} header, if any. */
  public Optional<String> bearerToken() {
    return header("authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim());
  }

  /** The body as {@code application/x-www-form-urlencoded} parameters. */
  public Params form() {
    return Params.parse(new String(body, StandardCharsets.UTF_8));
  }

  /** The body as JSON; an empty body reads as an empty object. */
  public JsonNode json() {
    if (body.length == 0) {
      return Json.object();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (RuntimeException e) {
      throw new BadRequestException("Invalid JSON payload received.", null);
    }
  }

  public boolean is(String verb) {
    return method.equalsIgnoreCase(verb);
  }
}
