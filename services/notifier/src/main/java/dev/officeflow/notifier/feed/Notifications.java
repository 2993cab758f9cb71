package dev.officeflow.notifier.feed;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.notifier.stream.Notification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into what the page is told: ids and the few fields a list or a toast shows, never an
 * item's body, description or notes, nor any address but the sender's of a new mail.
 */
final class Notifications {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Notifications() {}

  static Notification progress(ProgressEvent e) {
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("job_id", e.jobId());
    data.put("sequence", e.sequence());
    data.put("provider", e.provider());
    data.put("state", e.state().wire());
    data.put("phase", e.phase());
    data.put("source", e.source());
    data.put("provisional", e.provisional());
    data.put("processed", e.processed());
    data.put("published", e.published());
    data.put("skipped", e.skipped());
    data.put("failed", e.failed());
    data.put("estimate", e.estimate());
    data.put("percent", e.percent());
    data.put("error", e.error());
    data.put("skipped_sources", e.skippedSources());
    data.put("last_updated", e.lastUpdated().toString());
    return notification("progress", data);
  }

  static Notification integration(IntegrationEvent e) {
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("integration_id", e.integrationId());
    data.put("provider", e.provider());
    data.put("operation", e.operation().wire());
    data.put("status", e.status().wire());
    data.put("error_message", e.errorMessage());
    data.put("last_updated", e.lastUpdated().toString());
    return notification("integration", data);
  }

  /** One item created, changed or deleted outside a backfill. */
  static Notification item(DataEvent<?> e) {
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("kind", EventType.of(e).docType());
    data.put("operation", e.operation().wire());
    data.put("id", e.providerItemId());
    data.put("provider", e.provider());
    data.put("sync_type", e.syncType().wire());
    data.put("last_updated", e.lastUpdated().toString());
    if (e instanceof EmailEvent mail && mail.payload() != null) {
      email(data, mail.payload());
    } else if (e instanceof CalendarEvent meeting && meeting.payload() != null) {
      calendar(data, meeting.payload());
    } else if (e instanceof ContactEvent contact && contact.payload() != null) {
      contact(data, contact.payload());
    }
    return notification("item", data);
  }

  /**
   * Counts of items or candidates by kind and operation, e.g. {@code {"email": {"create": 40}}}.
   */
  static Notification counts(String type, Map<String, Map<String, Long>> counts) {
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("counts", counts);
    return notification(type, data);
  }

  private static void email(Map<String, @Nullable Object> data, Email email) {
    data.put("thread_id", email.threadId());
    data.put("subject", email.subject());
    data.put("from_address", email.fromAddress());
    data.put("received_date", email.receivedDate().toString());
    data.put("is_read", email.isRead());
  }

  private static void calendar(Map<String, @Nullable Object> data, CalendarEntry entry) {
    data.put("calendar_id", entry.calendarId());
    data.put("title", entry.title());
    data.put("start_time", entry.startTime().toString());
    data.put("end_time", entry.endTime().toString());
    data.put("status", entry.status());
  }

  private static void contact(Map<String, @Nullable Object> data, Contact contact) {
    data.put("display_name", contact.displayName());
  }

  private static Notification notification(String type, Map<String, @Nullable Object> data) {
    data.values().removeIf(v -> v == null);
    // Jackson writes no line breaks without pretty printing; a break inside a value is escaped.
    return new Notification(type, JSON.writeValueAsString(data));
  }
}
