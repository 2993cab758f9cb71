package dev.officeflow.graphsim.mail;

import dev.officeflow.graphsim.account.GraphIds;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.account.Recipient;
import dev.officeflow.simkit.web.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message as Graph v1.0 writes it ({@code microsoft.graph.message}): camelCase properties,
 * recipients as {@code {"emailAddress": {"name", "address"}}}, times in UTC to the second with
 * {@code Z}, the body as HTML when the message has an HTML part (or as text when the client prefers
 * {@code outlook.body-content-type="text"}).
 */
public final class MessageJson {

  public static final String TYPE = "microsoft.graph.message";

  /** Every property {@link #of} writes: what {@code $select} may name. */
  public static final Set<String> PROPERTIES =
      Set.of(
          "id",
          "createdDateTime",
          "lastModifiedDateTime",
          "changeKey",
          "categories",
          "receivedDateTime",
          "sentDateTime",
          "hasAttachments",
          "internetMessageId",
          "subject",
          "bodyPreview",
          "importance",
          "parentFolderId",
          "conversationId",
          "isDeliveryReceiptRequested",
          "isReadReceiptRequested",
          "isRead",
          "isDraft",
          "webLink",
          "inferenceClassification",
          "body",
          "sender",
          "from",
          "toRecipients",
          "ccRecipients",
          "bccRecipients",
          "replyTo",
          "flag");

  private MessageJson() {}

  public static ObjectNode of(MailItem m, String accountId, boolean textBody) {
    String changeKey = GraphIds.changeKey(m.id(), m.version());
    ObjectNode o = Json.object();
    o.put("@odata.etag", "W/\"" + changeKey + "\"");
    o.put("id", m.id());
    o.put("createdDateTime", time(m.receivedDateTime()));
    o.put("lastModifiedDateTime", time(m.lastModifiedDateTime()));
    o.put("changeKey", changeKey);
    m.categories().forEach(o.putArray("categories")::add);
    o.put("receivedDateTime", time(m.receivedDateTime()));
    o.put("sentDateTime", time(m.sentDateTime()));
    o.put("hasAttachments", m.hasAttachments());
    o.put("internetMessageId", m.internetMessageId());
    o.put("subject", m.subject());
    o.put("bodyPreview", m.bodyPreview());
    o.put("importance", m.importance());
    o.put("parentFolderId", m.folder().id(accountId));
    o.put("conversationId", m.conversationId());
    o.put("isDeliveryReceiptRequested", false);
    o.put("isReadReceiptRequested", false);
    o.put("isRead", m.isRead());
    o.put("isDraft", false);
    o.put("webLink", webLink(m.id()));
    o.put("inferenceClassification", m.inferenceClassification());
    content(o, m, textBody);
    return o;
  }

  /** The body and the people: sender, recipients, reply-to, and the follow-up flag. */
  private static void content(ObjectNode o, MailItem m, boolean textBody) {
    ObjectNode body = o.putObject("body");
    boolean html = m.htmlBody() != null && !textBody;
    body.put("contentType", html ? "html" : "text");
    body.put("content", html ? m.htmlBody() : m.textBody());
    o.set("sender", recipient(m.from()));
    o.set("from", recipient(m.from()));
    o.set("toRecipients", recipients(m.toRecipients()));
    o.set("ccRecipients", recipients(m.ccRecipients()));
    o.set("bccRecipients", recipients(m.bccRecipients()));
    o.putArray("replyTo");
    o.putObject("flag").put("flagStatus", m.flagged() ? "flagged" : "notFlagged");
  }

  /** Graph's {@code Edm.DateTimeOffset} for messages: UTC, whole seconds, {@code Z}. */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String webLink(String id) {
    return "https://outlook.office365.com/owa/?ItemID="
        + URLEncoder.encode(id, StandardCharsets.UTF_8)
        + "&exvsurl=1&viewmodel=ReadMessageItem";
  }

  public static ObjectNode recipient(Recipient r) {
    ObjectNode o = Json.object();
    // Exchange shows the address as the name when a recipient has none.
    String name = r.name().isEmpty() ? r.address() : r.name();
    o.putObject("emailAddress").put("name", name).put("address", r.address());
    return o;
  }

  private static ArrayNode recipients(List<Recipient> list) {
    ArrayNode out = Json.array();
    list.forEach(r -> out.add(recipient(r)));
    return out;
  }
}
