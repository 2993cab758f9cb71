package dev.officeflow.googlesim.gmail;

import java.util.List;

/** Announced after a mailbox changed, outside its lock; push notifications start here. */
public record MailboxChange(String emailAddress, long historyId, List<String> labels) {

  public MailboxChange {
    labels = List.copyOf(labels);
  }
}
