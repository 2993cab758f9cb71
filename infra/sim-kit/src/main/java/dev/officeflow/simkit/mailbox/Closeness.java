package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.mailbox.ThreadPlanner.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground-truth closeness ranking, computed from what was actually generated:
 *
 * <pre>
 *   r(t)     = 0.5 + 0.5 · exp(−age(t) / 30 days)          recency weight, 1 now → 0.5 long ago
 *   sent     = Σ outbound messages to c:   r · (1 if c in To, 0.5 if in Cc)
 *   received = Σ inbound messages from c:  r · (1 if owner in To, 0.5 if in Cc)
 *   mail     = sent + received              if both > 0 (two-way)
 *            = 0.25 · (sent + received)     otherwise      (one-way mail counts little)
 *   meet     = Σ meetings with c (not cancelled, owner not declined): 2 · r(start)
 *   score    = mail + meet
 * </pre>
 *
 * Lists, no-reply senders and one-off strangers are never ranked.
 */
final class Closeness {

  private static final double DAYS = 86_400;

  private final Instant anchor;
  private final Map<Contact, double[]> mail = new HashMap<>();
  private final Map<String, double[]> meetings = new HashMap<>();

  Closeness(Instant anchor) {
    this.anchor = anchor;
  }

  void message(Step step, Instant time) {
    double r = recency(time);
    if (step.outbound()) {
      step.to().forEach(c -> add(c, 0, r));
      step.cc().forEach(c -> add(c, 0, 0.5 * r));
    } else if (step.to().stream().anyMatch(c -> c.kind() == Contact.Kind.OWNER)) {
      add(step.from(), 1, r);
    } else if (step.cc().stream().anyMatch(c -> c.kind() == Contact.Kind.OWNER)) {
      add(step.from(), 1, 0.5 * r);
    }
  }

  private void add(Contact c, int slot, double weight) {
    if (c.kind() == Contact.Kind.PERSON && c.plantedRank() >= 0) {
      mail.computeIfAbsent(c, k -> new double[2])[slot] += weight;
    }
  }

  void event(EventRecord event, List<Instant> occurrences) {
    boolean declined =
        event.attendees().stream().anyMatch(a -> a.self() && a.responseStatus().equals("declined"));
    if (event.isCancelled() || declined) {
      return;
    }
    for (Attendee a : event.attendees()) {
      if (!a.self()) {
        double[] m = meetings.computeIfAbsent(a.email(), k -> new double[2]);
        for (Instant when : occurrences) {
          m[0] += 2 * recency(when);
          m[1] += 1;
        }
      }
    }
  }

  List<ContactRank> ranking(List<Contact> people) {
    return people.stream()
        .map(this::rank)
        .sorted(
            Comparator.comparingDouble(ContactRank::score)
                .reversed()
                .thenComparing(ContactRank::email))
        .toList();
  }

  private ContactRank rank(Contact c) {
    double[] m = mail.getOrDefault(c, new double[2]);
    double[] meet = meetings.getOrDefault(c.email(), new double[2]);
    double twoWay = m[0] > 0 && m[1] > 0 ? m[0] + m[1] : 0.25 * (m[0] + m[1]);
    return new ContactRank(
        c.email(), c.displayName(), twoWay + meet[0], m[0], m[1], (int) meet[1], c.plantedRank());
  }

  private double recency(Instant when) {
    double ageDays = Math.max(0, Duration.between(when, anchor).getSeconds()) / DAYS;
    return 0.5 + 0.5 * Math.exp(-ageDays / 30);
  }
}
