package dev.officeflow.graphsim.throttle;

/**
 * Which Outlook limit refused a request, and the message of Graph's 429 {@code
 * ApplicationThrottled} body. The concurrency message is the one Graph sends; Graph's wording for
 * the request budget is not documented, so that one follows its pattern.
 */
public enum ThrottleReason {
  /** More than the allowed concurrent requests of one app to one mailbox. */
  CONCURRENCY("MailboxConcurrency"),
  /** The app's request budget for the mailbox is spent. */
  REQUEST_BUDGET("MailboxRequests");

  private final String limit;

  ThrottleReason(String limit) {
    this.limit = limit;
  }

  /** The name stats use: {@code MailboxConcurrency} or {@code MailboxRequests}. */
  public String limit() {
    return limit;
  }

  public String message() {
    return "Application is over its " + limit + " limit.";
  }
}
