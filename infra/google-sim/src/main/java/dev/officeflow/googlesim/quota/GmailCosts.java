package dev.officeflow.googlesim.quota;

/**
 * Gmail's per-method quota units, from Google's published table. A batch costs the sum of its parts
 * because each part is charged on its own.
 */
public final class GmailCosts {

  public static final int GET_PROFILE = 1;
  public static final int MESSAGES_LIST = 5;
  public static final int MESSAGES_GET = 5;
  public static final int ATTACHMENTS_GET = 5;
  public static final int HISTORY_LIST = 2;
  public static final int LABELS_LIST = 1;
  public static final int WATCH = 100;
  public static final int STOP = 50;

  /** Calendar counts requests, not units: every call costs one. */
  public static final int CALENDAR_REQUEST = 1;

  private GmailCosts() {}
}
