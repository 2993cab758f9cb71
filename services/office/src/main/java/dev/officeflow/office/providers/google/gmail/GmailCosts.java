package dev.officeflow.office.providers.google.gmail;

/**
 * Gmail's published quota units per method (a batch costs the sum of its parts). Calendar counts
 * requests: every call costs one.
 */
public final class GmailCosts {

  public static final int MESSAGES_LIST = 5;
  public static final int MESSAGES_GET = 5;
  public static final int GET_PROFILE = 1;
  public static final int HISTORY_LIST = 2;
  public static final int CALENDAR_REQUEST = 1;

  private GmailCosts() {}
}
