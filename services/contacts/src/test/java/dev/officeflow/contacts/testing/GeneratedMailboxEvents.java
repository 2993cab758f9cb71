package dev.officeflow.contacts.testing;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.Recurrence;
import dev.officeflow.events.SyncType;
import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.mailbox.Body;
import dev.officeflow.simkit.mailbox.Header;
import dev.officeflow.simkit.mailbox.MailMessage;
import dev.officeflow.simkit.mailbox.MimePart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a google-sim generated mailbox into the events the office backfill publishes: one
 * EmailEvent per message (addresses and names parsed from the headers Gmail shows), one
 * CalendarEvent per event resource.
 */
public final class GeneratedMailboxEvents {

  private static final Set<String> KEPT_HEADERS =
      Set.of(
          "list-id",
          "list-unsubscribe",
          "list-unsubscribe-post",
          "precedence",
          "auto-submitted",
          "message-id",
          "in-reply-to",
          "references",
          "delivered-to");

  private final String userId;
  private final String account;
  private final Instant readAt;

  public GeneratedMailboxEvents(String userId, String account, Instant readAt) {
    this.userId = userId;
    this.account = account;
    this.readAt = readAt;
  }

  public EmailEvent email(MailMessage message) {
    MimePart root = message.root();
    Map<String, String> names = new LinkedHashMap<>();
    String from = first(parse(root.header("From").orElse(""), names));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : root.headers()) {
      if (KEPT_HEADERS.contains(h.name().toLowerCase(java.util.Locale.ROOT))) {
        headers.putIfAbsent(h.name(), h.value());
      }
    }
    Email email =
        new Email(
            "google_" + message.id(),
            message.threadId(),
            root.header("Subject").orElse(null),
            root.firstText()
                .map(p -> p.body() instanceof Body.Text t ? t.text() : null)
                .orElse(null),
            from,
            parse(root.header("To").orElse(""), names),
            parse(root.header("Cc").orElse(""), names),
            List.of(),
            message.internalDate(),
            message.internalDate(),
            message.labelIds(),
            false,
            false,
            false,
            "google",
            message.id(),
            (long) message.sizeEstimate(),
            root.mimeType(),
            headers,
            names);
    return new EmailEvent(
        metadata(),
        userId,
        Operation.CREATE,
        "backfill-1",
        message.internalDate(),
        readAt,
        "google",
        SyncType.BATCH_SYNC,
        email,
        null);
  }

  public CalendarEvent calendar(EventRecord record) {
    List<CalendarEntry.Attendee> details =
        record.attendees().stream()
            .map(
                a ->
                    new CalendarEntry.Attendee(
                        a.email(),
                        a.displayName(),
                        a.responseStatus(),
                        a.organizer(),
                        a.optional()))
            .toList();
    CalendarEntry entry =
        new CalendarEntry(
            "google_" + record.id(),
            record.summary(),
            record.description(),
            record.start().instant(),
            record.end().instant(),
            record.start().isAllDay(),
            record.location(),
            record.organizer().email(),
            record.attendees().stream().map(Attendee::email).toList(),
            record.status(),
            record.visibility(),
            "google",
            record.id(),
            "primary",
            record.recurrence().isEmpty() ? null : Recurrence.fromLines(record.recurrence()),
            List.of(),
            List.of(),
            record.colorId(),
            null,
            details);
    return new CalendarEvent(
        metadata(),
        userId,
        Operation.CREATE,
        "backfill-1",
        record.updated(),
        readAt,
        "google",
        SyncType.BATCH_SYNC,
        entry,
        null,
        "primary");
  }

  private EventMetadata metadata() {
    return new MailEvents(userId, account).metadata();
  }

  private static String first(List<String> addresses) {
    return addresses.isEmpty() ? null : addresses.get(0);
  }

  /** Splits an address list at commas outside quotes and angle brackets. */
  static List<String> parse(String header, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int angle = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '\\' && i + 1 < header.length()) {
        current.append(c).append(header.charAt(++i));
        continue;
      }
      quoted ^= c == '"';
      angle += c == '<' ? 1 : c == '>' ? -1 : 0;
      if (c == ',' && !quoted && angle == 0) {
        add(current.toString(), out, names);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    add(current.toString(), out, names);
    return out;
  }

  private static void add(String token, List<String> out, Map<String, String> names) {
    String t = token.strip();
    if (t.isEmpty()) {
      return;
    }
    int open = t.lastIndexOf('<');
    if (open < 0) {
      out.add(t);
      return;
    }
    String address = t.substring(open + 1, t.indexOf('>', open)).strip();
    String name = t.substring(0, open).strip();
    if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
      name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (!name.isEmpty()) {
      names.putIfAbsent(address, name);
    }
    out.add(address);
  }
}
