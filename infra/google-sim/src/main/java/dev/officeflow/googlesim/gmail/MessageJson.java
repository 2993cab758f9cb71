package dev.officeflow.googlesim.gmail;

import dev.officeflow.simkit.mailbox.Body;
import dev.officeflow.simkit.mailbox.Header;
import dev.officeflow.simkit.mailbox.MimePart;
import dev.officeflow.simkit.mailbox.Rfc822;
import dev.officeflow.simkit.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Gmail {@code Message} resource in each format, with Gmail's field order. int64 fields
 * (historyId, internalDate) are JSON strings, int32 ones numbers, as in the discovery document.
 */
final class MessageJson {

  enum Format {
    MINIMAL,
    METADATA,
    FULL,
    RAW;

    static Format parse(String value) {
      try {
        return valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new dev.officeflow.simkit.web.BadRequestException(
            "Invalid value at 'format' (" + value + ")", "format");
      }
    }
  }

  private MessageJson() {}

  static ObjectNode render(StoredMessage s, Format format, List<String> metadataHeaders) {
    ObjectNode out = Json.object();
    out.put("id", s.id()).put("threadId", s.threadId());
    ArrayNode labels = out.putArray("labelIds");
    s.labelIds().forEach(labels::add);
    out.put("snippet", s.message().snippet());
    if (format == Format.METADATA) {
      out.set("payload", metadata(s.message().root(), metadataHeaders));
    } else if (format == Format.FULL) {
      out.set("payload", part(s, s.message().root(), ""));
    }
    out.put("sizeEstimate", s.message().sizeEstimate());
    out.put("historyId", Long.toString(s.historyId()));
    out.put("internalDate", Long.toString(s.message().internalDate().toEpochMilli()));
    if (format == Format.RAW) {
      out.put("raw", base64Url(Rfc822.render(s.message().root())));
    }
    return out;
  }

  /** Only the top-level headers (filtered by {@code metadataHeaders}, case-insensitive). */
  private static ObjectNode metadata(MimePart root, List<String> wanted) {
    Set<String> names =
        wanted.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    ObjectNode payload = Json.object();
    payload.put("partId", "").put("mimeType", root.mimeType()).put("filename", "");
    ArrayNode headers = payload.putArray("headers");
    root.headers().stream()
        .filter(h -> names.isEmpty() || names.contains(h.name().toLowerCase(Locale.ROOT)))
        .forEach(h -> headers.add(header(h)));
    return payload;
  }

  private static ObjectNode part(StoredMessage s, MimePart part, String partId) {
    ObjectNode node = Json.object();
    node.put("partId", partId).put("mimeType", part.mimeType()).put("filename", part.filename());
    ArrayNode headers = node.putArray("headers");
    part.headers().forEach(h -> headers.add(header(h)));
    node.set("body", body(s, part, partId));
    if (part.isMultipart()) {
      ArrayNode parts = node.putArray("parts");
      for (int i = 0; i < part.parts().size(); i++) {
        String childId = partId.isEmpty() ? Integer.toString(i) : partId + "." + i;
        parts.add(part(s, part.parts().get(i), childId));
      }
    }
    return node;
  }

  /** Text parts carry their data; attachments only an id (fetched by attachments.get). */
  private static ObjectNode body(StoredMessage s, MimePart part, String partId) {
    ObjectNode body = Json.object();
    Body content = part.body();
    if (content == null) {
      body.put("size", 0);
    } else if (part.isAttachment()) {
      body.put("attachmentId", attachmentId(s.id(), partId)).put("size", content.size());
    } else {
      body.put("size", content.size()).put("data", base64Url(content.bytes()));
    }
    return body;
  }

  private static ObjectNode header(Header h) {
    ObjectNode node = Json.object();
    node.put("name", h.name()).put("value", h.value());
    return node;
  }

  static String attachmentId(String messageId, String partId) {
    String raw = "att|" + messageId + "|" + partId;
    return "ANGjdJ"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The part an attachment id points to, if it is one of this message's. */
  static Optional<MimePart> attachment(StoredMessage s, String attachmentId) {
    if (!attachmentId.startsWith("ANGjdJ")) {
      return Optional.empty();
    }
    String raw;
    try {
      raw =
          new String(
              Base64.getUrlDecoder().decode(attachmentId.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] fields = raw.split("\\|", -1);
    if (fields.length != 3 || !fields[1].equals(s.id())) {
      return Optional.empty();
    }
    MimePart part = s.message().root();
    for (String index : fields[2].isEmpty() ? new String[0] : fields[2].split("\\.")) {
      int i = Integer.parseInt(index);
      if (i >= part.parts().size()) {
        return Optional.empty();
      }
      part = part.parts().get(i);
    }
    return part.isAttachment() ? Optional.of(part) : Optional.empty();
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
