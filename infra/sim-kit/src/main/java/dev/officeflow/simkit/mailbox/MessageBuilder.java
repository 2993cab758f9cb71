package dev.officeflow.simkit.mailbox;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the MIME tree, snippet and size of a message from a {@link Draft}. */
public final class MessageBuilder {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
  private static final int SNIPPET_LENGTH = 160;
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private MessageBuilder() {}

  public static MailMessage build(Draft draft) {
    String boundary = "0000000000" + draft.id();
    MimePart content = content(draft, boundary);
    MimePart root =
        new MimePart(
            content.mimeType(),
            "",
            withMessageHeaders(draft, content.headers()),
            content.body(),
            content.parts(),
            content.boundary());
    return new MailMessage(
        draft.id(),
        draft.threadId(),
        draft.date().toInstant(),
        draft.labelIds(),
        root,
        snippet(draft.text()),
        Rfc822.size(root));
  }

  private static MimePart content(Draft draft, String boundary) {
    MimePart text = textPart("text/plain", draft.text());
    MimePart body =
        draft.html() == null
            ? text
            : multipart(
                "alternative", boundary + "a", List.of(text, textPart("text/html", draft.html())));
    if (draft.attachments().isEmpty()) {
      return body;
    }
    List<MimePart> parts = new ArrayList<>();
    parts.add(body);
    draft.attachments().forEach(a -> parts.add(attachment(a)));
    return multipart("mixed", boundary + "m", parts);
  }

  private static MimePart textPart(String mimeType, String text) {
    boolean ascii = Rfc2047.isAscii(text);
    List<Header> headers =
        List.of(
            Header.of("Content-Type", mimeType + "; charset=\"UTF-8\""),
            Header.of("Content-Transfer-Encoding", ascii ? "7bit" : "base64"));
    return new MimePart(mimeType, "", headers, new Body.Text(text), List.of(), "");
  }

  private static MimePart attachment(Draft.Attachment a) {
    List<Header> headers =
        List.of(
            Header.of("Content-Type", a.mimeType() + "; name=\"" + a.filename() + "\""),
            Header.of("Content-Disposition", "attachment; filename=\"" + a.filename() + "\""),
            Header.of("Content-Transfer-Encoding", "base64"),
            Header.of("X-Attachment-Id", "f_" + Long.toHexString(a.seed() & 0xffffffffL)));
    return new MimePart(
        a.mimeType(), a.filename(), headers, new Body.Synthetic(a.size(), a.seed()), List.of(), "");
  }

  private static MimePart multipart(String subtype, String boundary, List<MimePart> parts) {
    String type = "multipart/" + subtype;
    Header contentType = Header.of("Content-Type", type + "; boundary=\"" + boundary + "\"");
    return new MimePart(type, "", List.of(contentType), null, parts, boundary);
  }

  private static List<Header> withMessageHeaders(Draft d, List<Header> contentHeaders) {
    List<Header> h = new ArrayList<>();
    h.add(Header.of("MIME-Version", "1.0"));
    h.add(Header.of("Date", DATE.format(d.date())));
    h.add(Header.of("Message-ID", d.messageIdHeader()));
    if (d.inReplyTo() != null) {
      h.add(Header.of("In-Reply-To", d.inReplyTo()));
    }
    if (!d.references().isEmpty()) {
      h.add(Header.of("References", String.join(" ", d.references())));
    }
    h.add(subject(d.subject()));
    h.add(Address.header("From", List.of(d.from())));
    if (!d.to().isEmpty()) {
      h.add(Address.header("To", d.to()));
    }
    if (!d.cc().isEmpty()) {
      h.add(Address.header("Cc", d.cc()));
    }
    h.addAll(d.extraHeaders());
    h.addAll(contentHeaders);
    return h;
  }

  private static Header subject(String subject) {
    return Rfc2047.isAscii(subject)
        ? Header.of("Subject", subject)
        : new Header("Subject", subject, Rfc2047.encodeB(subject));
  }

  /** Gmail's snippet: the start of the plain text, whitespace collapsed, HTML-escaped. */
  static String snippet(String text) {
    String flat = WHITESPACE.matcher(text).replaceAll(" ").trim();
    String cut = flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH);
    return cut.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
