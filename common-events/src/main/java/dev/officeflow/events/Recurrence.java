package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recurring event's rules, as RFC 5545 content lines grouped by property (ARCHITECTURE §4):
 * {@code {"rrule": ["RRULE:FREQ=WEEKLY;BYDAY=MO"], "exrule": [], "rdate": [], "exdate":
 * ["EXDATE;TZID=Europe/Berlin:20261207T100000"]}}. Each line keeps its property name and
 * parameters, so {@link #lines()} gives back what the provider sent (Google's {@code recurrence}).
 */
public record Recurrence(
    List<String> rrule, List<String> exrule, List<String> rdate, List<String> exdate) {

  public Recurrence {
    rrule = Check.list(rrule, "rrule");
    exrule = Check.list(exrule, "exrule");
    rdate = Check.list(rdate, "rdate");
    exdate = Check.list(exdate, "exdate");
  }

  /** Groups content lines by their property; a line of another property is kept as an rrule. */
  public static Recurrence fromLines(List<String> lines) {
    List<String> rrule = new ArrayList<>();
    List<String> exrule = new ArrayList<>();
    List<String> rdate = new ArrayList<>();
    List<String> exdate = new ArrayList<>();
    for (String line : lines) {
      String upper = line.trim().toUpperCase(Locale.ROOT);
      if (upper.startsWith("EXRULE")) {
        exrule.add(line.trim());
      } else if (upper.startsWith("RDATE")) {
        rdate.add(line.trim());
      } else if (upper.startsWith("EXDATE")) {
        exdate.add(line.trim());
      } else if (!upper.isEmpty()) {
        rrule.add(line.trim());
      }
    }
    return new Recurrence(rrule, exrule, rdate, exdate);
  }

  /** Every content line, rules first, as a provider's recurrence list. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>(rrule);
    lines.addAll(exrule);
    lines.addAll(rdate);
    lines.addAll(exdate);
    return List.copyOf(lines);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return rrule.isEmpty() && exrule.isEmpty() && rdate.isEmpty() && exdate.isEmpty();
  }
}
