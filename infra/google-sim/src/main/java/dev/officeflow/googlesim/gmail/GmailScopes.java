package dev.officeflow.googlesim.gmail;

import java.util.Set;

/** Gmail scope strings and the rules the real API applies to them. */
public final class GmailScopes {

  public static final String FULL = "https://mail.google.com/";
  public static final String MODIFY = "https://www.googleapis.com/auth/gmail.modify";
  public static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  public static final String METADATA = "https://www.googleapis.com/auth/gmail.metadata";

  /** Any of these lets a caller read a mailbox (profile, list, get, history, watch). */
  public static final Set<String> READ = Set.of(FULL, MODIFY, READONLY, METADATA);

  private GmailScopes() {}

  /**
   * Whether the metadata restrictions apply. Gmail applies them whenever {@code gmail.metadata} is
   * among the granted scopes, even next to a broader one (a long-standing Gmail behaviour).
   */
  public static boolean metadataOnly(Set<String> granted) {
    return granted.contains(METADATA);
  }
}
