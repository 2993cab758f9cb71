package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text of a Gmail message's MIME tree ({@code format=full}): the first {@code text/plain} part,
 * else the first {@code text/html} part, decoded from base64url in its declared charset.
 */
final class MessageBodies {

  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

  private MessageBodies() {}

  static Optional<String> text(@Nullable MessagePart payload) {
    return first(payload, "text/plain")
        .or(() -> first(payload, "text/html"))
        .flatMap(MessageBodies::decode);
  }

  /**
   * True when a part is a file. Without the tree ({@code format=metadata}) a top-level {@code
   * multipart/mixed} is the sign: that is how mailers wrap attachments.
   */
  static boolean hasAttachments(@Nullable MessagePart payload) {
    if (payload == null) {
      return false;
    }
    if (payload.getParts() == null && payload.getBody() == null) {
      String type = payload.getMimeType();
      return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed");
    }
    return isAttachment(payload);
  }

  private static boolean isAttachment(MessagePart part) {
    boolean file = part.getFilename() != null && !part.getFilename().isEmpty();
    boolean detached = part.getBody() != null && part.getBody().getAttachmentId() != null;
    return file || detached || parts(part).stream().anyMatch(MessageBodies::isAttachment);
  }

  private static Optional<MessagePart> first(@Nullable MessagePart part, String mimeType) {
    if (part == null) {
      return Optional.empty();
    }
    boolean inline = part.getFilename() == null || part.getFilename().isEmpty();
    if (inline
        && mimeType.equalsIgnoreCase(part.getMimeType())
        && part.getBody() != null
        && part.getBody().getData() != null) {
      return Optional.of(part);
    }
    for (MessagePart child : parts(part)) {
      Optional<MessagePart> found = first(child, mimeType);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<MessagePart> parts(MessagePart part) {
    return part.getParts() == null ? List.of() : part.getParts();
  }

  private static Optional<String> decode(MessagePart part) {
    return base64Url(part.getBody().getData()).map(bytes -> new String(bytes, charset(part)));
  }

  /** Gmail writes base64url, with or without padding; stray whitespace is tolerated. */
  static Optional<byte[]> base64Url(String data) {
    String compact = data.replaceAll("\\s", "").replace('+', '-').replace('/', '_');
    try {
      return Optional.of(Base64.getUrlDecoder().decode(compact));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Charset charset(MessagePart part) {
    List<MessagePartHeader> headers = part.getHeaders() == null ? List.of() : part.getHeaders();
    for (MessagePartHeader h : headers) {
      if ("content-type".equalsIgnoreCase(h.getName()) && h.getValue() != null) {
        Matcher m = CHARSET.matcher(h.getValue());
        if (m.find()) {
          try {
            return Charset.forName(m.group(1));
          } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
