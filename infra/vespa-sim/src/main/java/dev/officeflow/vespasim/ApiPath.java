package dev.officeflow.vespasim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parsed {@code /document/v1} path: one document, or a visit scope. */
sealed interface ApiPath {

  String PREFIX = "/document/v1";

  /** The request path as Vespa echoes it in {@code pathId}. */
  String pathId();

  /** {@code /document/v1/<ns>/<type>/(docid|group/<g>|number/<n>)/<specific>}. */
  record Single(String pathId, DocumentId id) implements ApiPath {}

  /**
   * A visit over {@code /document/v1/}, {@code .../<ns>/<type>/docid/} or a group or number.
   *
   * @param namespace null at the root
   * @param doctype null at the root
   * @param location {@code g=<group>} or {@code n=<number>}, null for every location
   */
  record Visit(
      String pathId,
      @Nullable String namespace,
      @Nullable String doctype,
      @Nullable String location)
      implements ApiPath {}

  /** Parses the raw (still percent-encoded) request path; throws 404 for anything else. */
  static ApiPath parse(String rawPath) {
    if (!rawPath.startsWith(PREFIX + "/") && !rawPath.equals(PREFIX)) {
      throw ApiException.notFound(rawPath);
    }
    List<String> segments = segments(rawPath.substring(PREFIX.length()));
    if (segments.isEmpty()) {
      return new Visit(rawPath, null, null, null);
    }
    if (segments.size() < 3) {
      throw ApiException.notFound(rawPath);
    }
    return scoped(rawPath, segments);
  }

  private static ApiPath scoped(String rawPath, List<String> segments) {
    String namespace = segments.get(0);
    String doctype = segments.get(1);
    String kind = segments.get(2);
    int specificAt = kind.equals("docid") ? 3 : 4;
    String location =
        switch (kind) {
          case "docid" -> "";
          case "group" -> segments.size() > 3 ? "g=" + segments.get(3) : null;
          case "number" -> segments.size() > 3 ? "n=" + segments.get(3) : null;
          default -> null;
        };
    if (location == null) {
      throw ApiException.notFound(rawPath);
    }
    if (segments.size() <= specificAt) {
      return new Visit(rawPath, namespace, doctype, location.isEmpty() ? null : location);
    }
    String specific = String.join("/", segments.subList(specificAt, segments.size()));
    return new Single(rawPath, new DocumentId(namespace, doctype, location, specific));
  }

  /** Decoded path segments, without the empty ones a leading or trailing slash leaves. */
  private static List<String> segments(String rest) {
    return Arrays.stream(rest.split("/"))
        .filter(segment -> !segment.isEmpty())
        .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
        .toList();
  }
}
