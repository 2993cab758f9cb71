package dev.officeflow.simkit.mailbox;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One node of a message's MIME tree. A multipart node has {@code parts} and no body; a leaf has a
 * body. The root's headers are the message headers.
 *
 * @param filename empty unless the part is an attachment
 * @param boundary the multipart boundary, empty for leaves
 */
public record MimePart(
    String mimeType,
    String filename,
    List<Header> headers,
    @Nullable Body body,
    List<MimePart> parts,
    String boundary) {

  public MimePart {
    headers = List.copyOf(headers);
    parts = List.copyOf(parts);
  }

  public boolean isMultipart() {
    return !parts.isEmpty();
  }

  public boolean isAttachment() {
    return !filename.isEmpty();
  }

  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst();
  }

  /** The first {@code text/plain} leaf, depth first. */
  public Optional<MimePart> firstText() {
    if (!isMultipart()) {
      return mimeType.equals("text/plain") && !isAttachment()
          ? Optional.of(this)
          : Optional.empty();
    }
    return parts.stream().map(MimePart::firstText).flatMap(Optional::stream).findFirst();
  }
}
