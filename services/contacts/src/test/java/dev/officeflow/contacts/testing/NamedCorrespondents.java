package dev.officeflow.contacts.testing;

import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.OfficeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's correspondence with named people, each on a domain of their own, two-way and with fewer
 * messages the further down the list, so they rank in list order; the first three also met the
 * user. For pages that show names, domains and why a contact ranks where it does.
 */
public final class NamedCorrespondents {

  private static final String[] FIRST = {
    "Ada", "Ben", "Chloé", "Dev", "Elif", "Farid", "Gwen", "Hiro", "Ines", "Jonas", "Kemi", "Lars",
    "Mira", "Noor", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tove", "Uma", "Viktor", "Wen",
        "Yara"
  };
  private static final String[] LAST = {
    "Lovelace",
    "Okafor",
    "Martin",
    "Patel",
    "Kaya",
    "Haddad",
    "Jones",
    "Tanaka",
    "Silva",
    "Berg",
    "Adeyemi",
    "Nilsson",
    "Shah",
    "Aziz",
    "Lind",
    "Rao",
    "Doyle",
    "Ruiz",
    "Koskinen",
    "Dahl",
    "Iyer",
    "Novak",
    "Li",
    "Mansour"
  };

  private NamedCorrespondents() {}

  /** The display name of the {@code i}-th person (0 ranks first). */
  public static String name(int i) {
    return FIRST[i] + " " + LAST[i];
  }

  public static String address(int i) {
    return FIRST[i].toLowerCase(java.util.Locale.ROOT).replace("é", "e")
        + "@"
        + LAST[i].toLowerCase(java.util.Locale.ROOT)
        + "-co.test";
  }

  /** Events for the first {@code people} persons (at most 24), dated {@code around}. */
  public static List<OfficeEvent> events(MailEvents user, int people, Instant around) {
    if (people > FIRST.length) {
      throw new IllegalArgumentException("at most " + FIRST.length + " people, got " + people);
    }
    List<OfficeEvent> events = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String other = address(i);
      Map<String, String> names = Map.of(other, name(i));
      for (int k = 0; k < people - i; k++) {
        Instant when = around.minus(Duration.ofHours(k + 1L));
        events.add(
            named(
                user.email("n" + i + "-in" + k, other, List.of(user.account()), List.of(), when),
                names));
      }
      events.add(
          named(
              user.email("n" + i + "-out", user.account(), List.of(other), List.of(), around),
              names));
      if (i < 3) {
        events.add(
            user.meeting(
                "n" + i + "-meet", user.account(), List.of(user.account(), other), around));
      }
    }
    return events;
  }

  private static EmailEvent named(EmailEvent event, Map<String, String> names) {
    Email e = event.email();
    Email email =
        new Email(
            e.id(),
            e.threadId(),
            e.subject(),
            e.body(),
            e.fromAddress(),
            e.toAddresses(),
            e.ccAddresses(),
            e.bccAddresses(),
            e.receivedDate(),
            e.sentDate(),
            e.labels(),
            e.isRead(),
            e.isStarred(),
            e.hasAttachments(),
            e.provider(),
            e.providerMessageId(),
            e.sizeBytes(),
            e.mimeType(),
            e.headers(),
            names);
    return new EmailEvent(
        event.metadata(),
        event.userId(),
        event.operation(),
        event.batchId(),
        event.lastUpdated(),
        event.syncTimestamp(),
        event.provider(),
        event.syncType(),
        email,
        event.payloadRef());
  }
}
