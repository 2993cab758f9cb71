package dev.officeflow.googlesim.web;

import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the {@code multipart/mixed} bodies of batch requests. Bytes are handled as
 * ISO-8859-1 text so binary part bodies survive the split unchanged.
 */
final class MultipartCodec {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final String CRLF = "\r\n";

  /** One {@code application/http} part of a batch request. */
  record Part(@Nullable String contentId, String httpMessage) {}

  /** The response to one part, echoing its Content-ID as {@code response-<id>}. */
  record Answer(@Nullable String contentId, SimResponse response) {}

  private MultipartCodec() {}

  static Optional<String> boundary(String contentType) {
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static List<Part> split(byte[] body, String boundary) {
    String text = BatchHandler.iso(body);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    for (String chunk : text.split(Pattern.quote(delimiter), -1)) {
      if (chunk.startsWith("--") || chunk.isBlank()) {
        continue;
      }
      String trimmed = stripLeadingNewline(chunk);
      int split = headerEnd(trimmed);
      if (split < 0) {
        continue;
      }
      Map<String, String> headers = headers(trimmed.substring(0, split));
      String message = trimmed.substring(split).replaceFirst("^\\r?\\n\\r?\\n", "");
      parts.add(new Part(headers.get("content-id"), stripTrailingNewline(message)));
    }
    return parts;
  }

  /** Rebuilds the part's HTTP request; without its own Authorization it inherits the outer one. */
  static SimRequest innerRequest(Part part, SimRequest outer) {
    String message = part.httpMessage();
    int headerEnd = headerEnd(message);
    String head = headerEnd < 0 ? message : message.substring(0, headerEnd);
    String body =
        headerEnd < 0 ? "" : message.substring(headerEnd).replaceFirst("^\\r?\\n\\r?\\n", "");
    String[] lines = head.split("\\r?\\n");
    String[] requestLine = lines[0].trim().split(" ");
    if (requestLine.length < 2) {
      throw new BadRequestException("Malformed batch part request line: " + lines[0], null);
    }
    URI uri = URI.create(requestLine[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim(), List.of(lines[i].substring(colon + 1).trim()));
      }
    }
    boolean hasAuth = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("authorization"));
    if (!hasAuth) {
      outer.header("authorization").ifPresent(a -> headers.put("Authorization", List.of(a)));
    }
    return new SimRequest(
        requestLine[0],
        uri.getPath(),
        Params.parse(uri.getRawQuery()),
        headers,
        body.getBytes(StandardCharsets.ISO_8859_1));
  }

  static byte[] join(List<Answer> answers, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Answer answer : answers) {
      SimResponse r = answer.response();
      StringBuilder head = new StringBuilder();
      head.append("--").append(boundary).append(CRLF);
      head.append("Content-Type: application/http").append(CRLF);
      if (answer.contentId() != null) {
        head.append("Content-ID: ").append(responseId(answer.contentId())).append(CRLF);
      }
      head.append(CRLF);
      head.append("HTTP/1.1 ")
          .append(r.status())
          .append(' ')
          .append(reason(r.status()))
          .append(CRLF);
      r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append(CRLF));
      head.append("Content-Length: ").append(r.body().length).append(CRLF).append(CRLF);
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(r.body());
      out.writeBytes(CRLF.getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes(("--" + boundary + "--" + CRLF).getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static String responseId(String contentId) {
    String bare = contentId.replaceAll("^<|>$", "");
    return "<response-" + bare + ">";
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : block.split("\\r?\\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static int headerEnd(String text) {
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    if (crlf < 0) {
      return lf;
    }
    return lf < 0 ? crlf : Math.min(crlf, lf);
  }

  private static String stripLeadingNewline(String s) {
    return s.replaceFirst("^\\r?\\n", "");
  }

  private static String stripTrailingNewline(String s) {
    return s.replaceFirst("\\r?\\n$", "");
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
