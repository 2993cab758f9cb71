package dev.officeflow.office.providers.microsoft.mail;

import java.util.Optional;

/**
 * The folders a backfill reads, by Graph's well-known names, in the order it reads them: what the
 * user received, then what they sent. Drafts, deleted items and junk are not mail the user had with
 * anyone.
 */
enum MailFolder {
  INBOX("inbox"),
  SENT_ITEMS("sentitems");

  private final String wellKnownName;

  MailFolder(String wellKnownName) {
    this.wellKnownName = wellKnownName;
  }

  /** The folder's id in Graph paths ({@code /me/mailFolders/inbox/messages}). */
  String wellKnownName() {
    return wellKnownName;
  }

  /** The folder read after this one; empty after the last. */
  Optional<MailFolder> next() {
    return ordinal() + 1 < values().length
        ? Optional.of(values()[ordinal() + 1])
        : Optional.empty();
  }

  static MailFolder fromWire(String name) {
    for (MailFolder f : values()) {
      if (f.wellKnownName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("not a mail folder of the backfill: " + name);
  }
}
