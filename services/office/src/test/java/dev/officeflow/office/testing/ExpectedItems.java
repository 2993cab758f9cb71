package dev.officeflow.office.testing;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import dev.officeflow.simkit.mailbox.GeneratedMailbox;
import dev.officeflow.simkit.mailbox.MailMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a backfill of a generated account must publish, computed from the generator's own data (not
 * from any API answer): the messages received in the window and the event occurrences overlapping
 * it, cancelled ones left out.
 */
public final class ExpectedItems {

  private ExpectedItems() {}

  public static Map<String, MailMessage> messages(GoogleSim sim, String email, Instant after) {
    return generated(sim, email).messages().stream()
        .filter(m -> !m.internalDate().isBefore(after))
        .collect(Collectors.toMap(MailMessage::id, Function.identity()));
  }

  public static Map<String, EventRecord> events(
      GoogleSim sim, String email, Instant from, Instant to) {
    return generated(sim, email).events().stream()
        .filter(e -> !e.isCancelled())
        .flatMap(e -> (e.isRecurring() ? Recurrence.instances(e, to) : List.of(e)).stream())
        .filter(e -> e.end().instant().isAfter(from) && e.start().instant().isBefore(to))
        .collect(Collectors.toMap(EventRecord::id, Function.identity()));
  }

  /** Item keys ({@code user:google:id}) of {@code ids}. */
  public static Set<String> keys(String userId, Set<String> ids) {
    return ids.stream().map(id -> userId + ":google:" + id).collect(Collectors.toSet());
  }

  private static GeneratedMailbox generated(GoogleSim sim, String email) {
    return sim.admin().generated(email);
  }
}
