package dev.officeflow.graphsim.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Outlook names time zones the Windows way ({@code W. Europe Standard Time}); the generator uses
 * IANA ids. This maps the zones the simulator meets both ways (a {@code Prefer: outlook.timezone}
 * may name either) and falls back to UTC.
 */
final class WindowsZones {

  private static final Map<String, String> WINDOWS_TO_IANA =
      Map.ofEntries(
          Map.entry("UTC", "UTC"),
          Map.entry("W. Europe Standard Time", "Europe/Berlin"),
          Map.entry("Romance Standard Time", "Europe/Paris"),
          Map.entry("GMT Standard Time", "Europe/London"),
          Map.entry("Eastern Standard Time", "America/New_York"),
          Map.entry("Central Standard Time", "America/Chicago"),
          Map.entry("Mountain Standard Time", "America/Denver"),
          Map.entry("Pacific Standard Time", "America/Los_Angeles"),
          Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
          Map.entry("India Standard Time", "Asia/Kolkata"),
          Map.entry("AUS Eastern Standard Time", "Australia/Sydney"));

  private WindowsZones() {}

  /** A zone named the Windows or the IANA way; empty when neither. */
  static Optional<ZoneId> zone(String name) {
    String iana = WINDOWS_TO_IANA.getOrDefault(name, name);
    try {
      return Optional.of(ZoneId.of(iana));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The Windows name Outlook shows for a zone ({@code originalStartTimeZone}); IANA id if unknown.
   */
  static String windowsName(ZoneId zone) {
    if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Z")) {
      return "UTC";
    }
    return WINDOWS_TO_IANA.entrySet().stream()
        .filter(e -> e.getValue().equals(zone.getId()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(zone.getId());
  }
}
