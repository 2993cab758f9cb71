package dev.officeflow.systemtests;

import dev.officeflow.events.Email;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a set of distinct messages implies for the contacts service's email counts, by its rules
 * (ARCHITECTURE §5, contacts' {@code EmailInteractions}): the user's own mail counts each recipient
 * (To, Cc, Bcc); mail to the user counts the sender and, unless its headers say it is automated,
 * each co-recipient; the user's own addresses never count; a person counts once per message. The
 * test's oracle: each message here once, whichever path and however often it arrived.
 */
final class Correspondents {

  private Correspondents() {}

  /** The people of {@code email} that the contacts service counts, lower-cased. */
  static Set<String> of(Email email, Set<String> own) {
    Set<String> people = new LinkedHashSet<>();
    String from = normal(email.fromAddress());
    boolean outbound = own.contains(from) || email.labels().contains("SENT");
    List<String> recipients = new ArrayList<>(email.toAddresses());
    recipients.addAll(email.ccAddresses());
    recipients.addAll(email.bccAddresses());
    if (!outbound) {
      people.add(from);
    }
    if (outbound || !automated(email.headers())) {
      recipients.forEach(r -> people.add(normal(r)));
    }
    people.remove("");
    people.removeAll(own);
    return people;
  }

  /** Per person, the number of {@code emails} they are counted in. */
  static Map<String, Integer> counts(Collection<Email> emails, Set<String> own) {
    Map<String, Integer> counts = new HashMap<>();
    for (Email email : emails) {
      of(email, own).forEach(person -> counts.merge(person, 1, Integer::sum));
    }
    return counts;
  }

  private static boolean automated(Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String value = header.getValue().strip().toLowerCase(Locale.ROOT);
      boolean automated =
          switch (header.getKey().toLowerCase(Locale.ROOT)) {
            case "list-unsubscribe" -> true;
            case "precedence" -> Set.of("bulk", "list", "junk").contains(value);
            case "auto-submitted" -> !value.isEmpty() && !value.equals("no");
            default -> false;
          };
      if (automated) {
        return true;
      }
    }
    return false;
  }

  private static String normal(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
