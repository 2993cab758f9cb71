package dev.officeflow.graphsim.odata;

import dev.officeflow.simkit.web.SimRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code Prefer} header's preferences Graph honours for Outlook resources: {@code
 * odata.maxpagesize=N}, {@code outlook.timezone="..."} and {@code
 * outlook.body-content-type="text"}. Several may share one header (comma-separated) or come in
 * several headers.
 */
public record Prefer(Map<String, String> values) {

  public Prefer {
    values = Map.copyOf(values);
  }

  public static Prefer of(SimRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String header : request.headers().getOrDefault("prefer", List.of())) {
      for (String part : header.split(",")) {
        int eq = part.indexOf('=');
        String name = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : part.substring(eq + 1).trim().replaceAll("^\"|\"$", "");
        if (!name.isEmpty()) {
          out.putIfAbsent(name, value);
        }
      }
    }
    return new Prefer(out);
  }

  /** {@code odata.maxpagesize}, when given as a positive number. */
  public OptionalInt maxPageSize() {
    String v = values.get("odata.maxpagesize");
    if (v == null) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(v);
      return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  public Optional<String> timeZone() {
    return Optional.ofNullable(values.get("outlook.timezone")).filter(s -> !s.isBlank());
  }

  /** True when the client asked for bodies as plain text. */
  public boolean textBodies() {
    return "text".equalsIgnoreCase(values.getOrDefault("outlook.body-content-type", ""));
  }
}
