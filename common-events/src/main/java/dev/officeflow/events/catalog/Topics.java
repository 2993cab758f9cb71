package dev.officeflow.events.catalog;

/** The topic names of ARCHITECTURE §3, the only place they are spelled. */
public final class Topics {

  public static final String INTEGRATIONS = "integrations";
  public static final String USERS = "users";
  public static final String EMAILS = "emails";
  public static final String CALENDARS = "calendars";
  public static final String CONTACTS = "contacts";
  public static final String DOCUMENTS = "documents";
  public static final String TODOS = "todos";

  /** Backfill jobs' progress, published by the office (ARCHITECTURE §3 "Progress"). */
  public static final String PROGRESS = "progress";

  /** Where Gmail's {@code users.watch} publishes mailbox-change notifications. */
  public static final String GMAIL_PUSH = "gmail-push";

  private Topics() {}
}
