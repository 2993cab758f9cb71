package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid events of every type, for tests in this and other modules. */
public final class EventFixtures {

  public static final Instant CHANGED = Instant.parse("2026-11-01T09:30:00.123Z");
  public static final Instant READ = Instant.parse("2026-11-01T09:31:00Z");

  private EventFixtures() {}

  public static EventMetadata metadata(String userId) {
    return new EventMetadata(
        UUID.randomUUID().toString(),
        READ,
        "office",
        "0.1.0",
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "00f067aa0ba902b7",
        null,
        "req-1",
        userId,
        "job-1",
        Map.of("account", "ana@example.com"));
  }

  public static Email email(String providerId) {
    return new Email(
        "google_" + providerId,
        "thread-" + providerId,
        "Quarterly plan, \"draft\"",
        "Hello Bo",
        "ana@example.com",
        List.of("bo@example.org", "cy@example.net"),
        List.of("dee@example.com"),
        List.of(),
        CHANGED,
        CHANGED.minusSeconds(5),
        List.of("INBOX", "IMPORTANT"),
        true,
        false,
        false,
        "google",
        providerId,
        2048L,
        "multipart/alternative",
        Map.of("List-Id", "<team.example.com>"),
        Map.of("ana@example.com", "Ana Álvarez"));
  }

  public static EmailEvent emailEvent(String userId, String providerId) {
    return new EmailEvent(
        metadata(userId),
        userId,
        Operation.CREATE,
        "job-1",
        CHANGED,
        READ,
        "google",
        SyncType.BATCH_SYNC,
        email(providerId),
        null);
  }

  public static CalendarEntry calendarEntry(String providerId) {
    return new CalendarEntry(
        "google_" + providerId,
        "Planning",
        "Agenda attached",
        CHANGED,
        CHANGED.plusSeconds(1800),
        false,
        "Room 4",
        "ana@example.com",
        List.of("ana@example.com", "bo@example.org"),
        "confirmed",
        "default",
        "google",
        providerId,
        "primary",
        Recurrence.fromLines(
            List.of("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20261109T093000")),
        List.of(Map.of("method", "popup", "minutes", 10)),
        List.of(
            Map.of(
                "file_url",
                "https://drive.example/file/" + providerId,
                "title",
                "Agenda",
                "mime_type",
                "application/pdf")),
        "5",
        "https://calendar.example/event?eid=" + providerId,
        List.of(
            new CalendarEntry.Attendee("ana@example.com", "Ana", "accepted", true, false),
            new CalendarEntry.Attendee("bo@example.org", null, "needsAction", false, true)));
  }

  public static CalendarEvent calendarEvent(String userId, String providerId) {
    return new CalendarEvent(
        metadata(userId),
        userId,
        Operation.UPDATE,
        null,
        CHANGED,
        READ,
        "google",
        SyncType.REAL_TIME,
        calendarEntry(providerId),
        null,
        "primary");
  }

  public static ContactEvent contactEvent(String userId, String providerId) {
    Contact contact =
        new Contact(
            "google_" + providerId,
            "Bo Berg",
            "Bo",
            "Berg",
            List.of("bo@example.org"),
            List.of(Map.of("value", "+46 70 000 00 00", "type", "mobile")),
            List.of(Map.of("formatted", "Storgatan 1, Stockholm", "type", "work")),
            List.of(Map.of("name", "Example AB", "title", "CTO")),
            List.of(Instant.parse("1990-05-01T00:00:00Z")),
            "Met at the offsite",
            "google",
            providerId,
            List.of(Map.of("url", "https://photos.example/" + providerId, "default", false)),
            List.of("friends"),
            List.of("colleague"),
            CHANGED);
    // The contacts service's scores travel in the metadata's tags.
    return new ContactEvent(
        metadata(userId).withTags(Map.of("account", "ana@example.com", "vip_score", "0.82")),
        userId,
        Operation.CREATE,
        null,
        CHANGED,
        READ,
        "google",
        SyncType.INCREMENTAL_SYNC,
        contact,
        null);
  }

  public static DocumentEvent documentEvent(String userId, String providerId) {
    Document document =
        new Document(
            "google_" + providerId,
            "Roadmap",
            "Q1: ship",
            "word",
            "google",
            providerId,
            "ana@example.com",
            List.of("ana@example.com:owner"),
            List.of("planning"),
            Map.of("word_count", 2),
            "https://docs.example/" + providerId,
            1200L,
            CHANGED.minusSeconds(3600),
            CHANGED);
    return new DocumentEvent(
        metadata(userId),
        userId,
        Operation.CREATE,
        "job-1",
        CHANGED,
        READ,
        "google",
        SyncType.BATCH_SYNC,
        document,
        null,
        "word");
  }

  public static TodoEvent todoEvent(String userId, String providerId) {
    Todo todo =
        new Todo(
            "google_" + providerId,
            "Send deck",
            null,
            "pending",
            "high",
            CHANGED.plusSeconds(86400),
            null,
            "bo@example.org",
            "ana@example.com",
            List.of("deck"),
            null,
            List.of(),
            "google",
            providerId,
            "list-1",
            Map.of());
    return new TodoEvent(
        metadata(userId),
        userId,
        Operation.CREATE,
        null,
        CHANGED,
        READ,
        "google",
        SyncType.REAL_TIME,
        todo,
        null,
        "list-1");
  }

  public static IntegrationEvent integrationEvent(String userId) {
    return new IntegrationEvent(
        metadata(userId),
        userId,
        Operation.CREATE,
        null,
        CHANGED,
        READ,
        "google",
        "int-" + userId,
        IntegrationStatus.ACTIVE,
        "ana@example.com",
        List.of("https://www.googleapis.com/auth/gmail.readonly"),
        null);
  }

  public static UserEvent userEvent(String userId) {
    return new UserEvent(
        metadata(userId), userId, Operation.DELETE, null, CHANGED, READ, null, "ana@example.com");
  }

  /** A running job's report, half way through its mail phase, still provisional. */
  public static ProgressEvent progressEvent(String userId) {
    return new ProgressEvent(
        metadata(userId),
        userId,
        Operation.UPDATE,
        "job-" + userId,
        CHANGED,
        READ,
        "google",
        "job-" + userId,
        3,
        ProgressState.RUNNING,
        "mail",
        "gmail",
        true,
        120,
        118,
        1,
        1,
        240,
        50,
        null,
        Map.of("contacts.other", "missing scope"));
  }

  /**
   * A report of job {@code jobId} measured at {@code at}: provisional until completed, in the mail
   * phase until done, with a reason when retrying or failed.
   */
  public static ProgressEvent progress(
      String userId, String jobId, long sequence, ProgressState state, int percent, Instant at) {
    boolean completed = state == ProgressState.COMPLETED;
    boolean failing = state == ProgressState.RETRYING || state == ProgressState.FAILED;
    return new ProgressEvent(
        metadata(userId),
        userId,
        sequence <= 1 ? Operation.CREATE : Operation.UPDATE,
        jobId,
        at,
        at,
        "google",
        jobId,
        sequence,
        state,
        completed ? "done" : "mail",
        completed ? null : "gmail",
        !completed,
        percent * 10L,
        percent * 10L,
        0,
        0,
        1000,
        percent,
        failing ? "rate limited by the provider" : null,
        Map.of());
  }

  /** One valid event of each type. */
  public static List<OfficeEvent> oneOfEach(String userId) {
    return List.of(
        emailEvent(userId, "m1"),
        calendarEvent(userId, "e1"),
        contactEvent(userId, "c1"),
        documentEvent(userId, "d1"),
        todoEvent(userId, "t1"),
        integrationEvent(userId),
        userEvent(userId),
        progressEvent(userId));
  }
}
