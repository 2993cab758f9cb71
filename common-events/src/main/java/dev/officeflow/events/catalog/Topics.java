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

  /**
   * The reference services' deprecated topics (Catalog's legacy group): {@code EmailBackfillEvent}
   * and {@code EmailBatchEvent}; {@code EmailUpdateEvent}; {@code CalendarUpdateEvent} and {@code
   * CalendarBatchEvent}; {@code ContactUpdateEvent} and {@code ContactBatchEvent}.
   */
  public static final String EMAIL_BACKFILL = "email-backfill";

  public static final String EMAIL_UPDATES = "email-updates";
  public static final String CALENDAR_UPDATES = "calendar-updates";
  public static final String CONTACT_UPDATES = "contact-updates";

  private Topics() {}
}
