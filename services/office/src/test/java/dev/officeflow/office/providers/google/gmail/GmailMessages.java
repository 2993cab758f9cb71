package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.MessagePartHeader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Gmail API messages as the official client hands them over, for mapper tests. */
final class GmailMessages {

  static final Instant RECEIVED = Instant.parse("2026-11-10T08:15:30Z");

  private GmailMessages() {}

  static MessagePartHeader header(String name, String value) {
    return new MessagePartHeader().setName(name).setValue(value);
  }

  /** {@code format=metadata}: top-level headers only. */
  static Message metadata(
      String id, String mimeType, List<String> labels, MessagePartHeader... headers) {
    MessagePart payload =
        new MessagePart()
            .setPartId("")
            .setMimeType(mimeType)
            .setFilename("")
            .setHeaders(List.of(headers));
    return new Message()
        .setId(id)
        .setThreadId("t-" + id)
        .setLabelIds(labels)
        .setSizeEstimate(4321)
        .setInternalDate(RECEIVED.toEpochMilli())
        .setPayload(payload);
  }

  /** {@code format=full}: text and HTML alternatives plus an attachment. */
  static Message full(String id, String text, String charset) {
    byte[] bytes = text.getBytes(java.nio.charset.Charset.forName(charset));
    MessagePart plain =
        new MessagePart()
            .setMimeType("text/plain")
            .setFilename("")
            .setHeaders(List.of(header("Content-Type", "text/plain; charset=\"" + charset + "\"")))
            .setBody(new MessagePartBody().setData(Base64.getUrlEncoder().encodeToString(bytes)));
    MessagePart html =
        new MessagePart()
            .setMimeType("text/html")
            .setFilename("")
            .setBody(new MessagePartBody().setData(base64("<p>html</p>")));
    MessagePart alternative =
        new MessagePart().setMimeType("multipart/alternative").setParts(List.of(plain, html));
    MessagePart file =
        new MessagePart()
            .setMimeType("application/pdf")
            .setFilename("plan.pdf")
            .setBody(new MessagePartBody().setAttachmentId("att-1").setSize(1_200_000));
    List<MessagePartHeader> headers = new ArrayList<>();
    headers.add(header("From", "Ana <ana@example.com>"));
    headers.add(header("Subject", "Plan"));
    MessagePart root =
        new MessagePart()
            .setMimeType("multipart/mixed")
            .setHeaders(headers)
            .setBody(new MessagePartBody().setSize(0))
            .setParts(List.of(alternative, file));
    return new Message()
        .setId(id)
        .setThreadId("t-" + id)
        .setLabelIds(List.of("INBOX"))
        .setInternalDate(RECEIVED.toEpochMilli())
        .setPayload(root);
  }

  static String base64(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
