package dev.officeflow.simkit.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Multi-valued query or form parameters, decoded; some APIs repeat names for list values. */
public record Params(Map<String, List<String>> values) {

  public static final Params EMPTY = new Params(Map.of());

  public Params {
    values = Map.copyOf(values);
  }

  /**
   * Parses {@code a=1&b=2&b=3} (URL-encoded, {@code +} as space); a null or blank input is empty.
   */
  public static Params parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return EMPTY;
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Params(frozen);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The same parameters without {@code pageToken}: a listing restarted from its first page. */
  public Params withoutPageToken() {
    Map<String, List<String>> copy = new LinkedHashMap<>(values);
    copy.remove("pageToken");
    return new Params(copy);
  }

  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String firstOr(String name, String fallback) {
    return first(name).orElse(fallback);
  }

  public boolean flag(String name, boolean fallback) {
    return first(name).map(Boolean::parseBoolean).orElse(fallback);
  }

  /** An integer parameter; empty when absent, {@link BadRequestException} when not a number. */
  public OptionalInt integer(String name) {
    Optional<String> v = first(name);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(v.get().trim()));
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid value '" + v.get() + "' for parameter " + name, name);
    }
  }
}
