package dev.officeflow.googlesim.push;

import dev.officeflow.googlesim.gmail.Mailbox;
import dev.officeflow.googlesim.gmail.MailboxChange;

/** Delivers Gmail watch notifications for a changed mailbox. */
public interface GmailPush extends AutoCloseable {

  void changed(Mailbox mailbox, MailboxChange change);

  @Override
  void close();

  /** For runs without a Pub/Sub emulator: watches are accepted but nothing is published. */
  static GmailPush disabled() {
    return new GmailPush() {
      @Override
      public void changed(Mailbox mailbox, MailboxChange change) {}

      @Override
      public void close() {}
    };
  }
}
