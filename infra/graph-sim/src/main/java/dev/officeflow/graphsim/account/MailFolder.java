package dev.officeflow.graphsim.account;

import java.util.Locale;
import java.util.Optional;

/** The two mail folders the simulator fills: the inbox and sent items. */
public enum MailFolder {
  INBOX("inbox", "Inbox"),
  SENT_ITEMS("sentitems", "Sent Items");

  private final String wellKnownName;
  private final String displayName;

  MailFolder(String wellKnownName, String displayName) {
    this.wellKnownName = wellKnownName;
    this.displayName = displayName;
  }

  /** The name Graph accepts in place of the folder's id ({@code inbox}, {@code sentitems}). */
  public String wellKnownName() {
    return wellKnownName;
  }

  public String displayName() {
    return displayName;
  }

  /** The resource a subscription to this folder's messages names. */
  public String resource() {
    return "me/mailFolders('" + wellKnownName + "')/messages";
  }

  /** The folder's Graph id in {@code accountId}'s mailbox. */
  public String id(String accountId) {
    return GraphIds.item(accountId, GraphIds.Kind.FOLDER, wellKnownName);
  }

  /** The folder a path segment names: a well-known name (any case) or the folder's id. */
  public static Optional<MailFolder> find(String accountId, String segment) {
    for (MailFolder f : values()) {
      if (f.wellKnownName.equals(segment.toLowerCase(Locale.ROOT))
          || f.id(accountId).equals(segment)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
