package dev.officeflow.graphsim.account;

import dev.officeflow.simkit.mailbox.MailMessage;
import dev.officeflow.simkit.mailbox.MimePart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a generated message (Gmail-shaped: headers and labels) into what Outlook would hold: the
 * folder from who sent it, read state from {@code UNREAD}, a flag from {@code STARRED}, Focused
 * from the personal category, and Outlook categories from Gmail's importance and tabs.
 */
final class MailItems {

  private MailItems() {}

  static MailItem of(String accountId, MailMessage m, long version) {
    List<String> labels = m.labelIds();
    boolean sent = labels.contains("SENT");
    MimePart root = m.root();
    String text = root.firstText().map(MailItems::text).orElse("");
    Instant received = m.internalDate();
    return new MailItem(
        GraphIds.item(accountId, GraphIds.Kind.MESSAGE, m.id()),
        sent ? MailFolder.SENT_ITEMS : MailFolder.INBOX,
        GraphIds.item(accountId, GraphIds.Kind.CONVERSATION, m.threadId()),
        root.header("Message-ID").orElse("<" + m.id() + "@graph-sim.local>"),
        root.header("Subject").orElse(""),
        text,
        html(root).orElse(null),
        MailItem.preview(text),
        AddressList.parse(root.header("From").orElse("")).stream()
            .findFirst()
            .orElse(Recipient.of("")),
        AddressList.parse(root.header("To").orElse("")),
        AddressList.parse(root.header("Cc").orElse("")),
        List.of(),
        received,
        sent ? received : received.minusSeconds(1 + Math.floorMod(m.id().hashCode(), 90)),
        received,
        hasAttachment(root),
        sent || !labels.contains("UNREAD"),
        categories(labels),
        labels.contains("STARRED"),
        "normal",
        sent || labels.contains("CATEGORY_PERSONAL") ? "focused" : "other",
        version,
        false);
  }

  /** Outlook categories standing in for Gmail's importance marker and inbox tabs. */
  private static List<String> categories(List<String> labels) {
    List<String> out = new ArrayList<>();
    if (labels.contains("IMPORTANT")) {
      out.add("Important");
    }
    if (labels.contains("CATEGORY_PROMOTIONS")) {
      out.add("Promotions");
    } else if (labels.contains("CATEGORY_UPDATES")) {
      out.add("Updates");
    } else if (labels.contains("CATEGORY_FORUMS")) {
      out.add("Lists");
    }
    return out;
  }

  private static String text(MimePart part) {
    return part.body() == null ? "" : new String(part.body().bytes(), StandardCharsets.UTF_8);
  }

  private static Optional<String> html(MimePart part) {
    if (!part.isMultipart()) {
      return part.mimeType().equals("text/html") && !part.isAttachment()
          ? Optional.of(text(part))
          : Optional.empty();
    }
    return part.parts().stream().map(MailItems::html).flatMap(Optional::stream).findFirst();
  }

  private static boolean hasAttachment(MimePart part) {
    return part.isAttachment() || part.parts().stream().anyMatch(MailItems::hasAttachment);
  }
}
