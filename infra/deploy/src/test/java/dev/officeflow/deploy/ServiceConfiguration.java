package dev.officeflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * What a service's {@code application.yml} reads from the environment, read the way Spring Boot
 * reads it without a profile (production): every {@code ${NAME}} and {@code ${NAME:default}}
 * placeholder whose name is an environment variable, and the properties it lists under {@code
 * officeflow.guard.required} (services-common's ProductionGuard refuses to start without them).
 * Profile files ({@code application-local.yml}: the development defaults) and documents activated
 * on a profile are not read: production has neither.
 */
final class ServiceConfiguration {

  /** The guard's list of properties production must set (services-common's ProductionGuard). */
  static final String GUARD_REQUIRED = "officeflow.guard.required";

  private final Map<String, String> properties;

  private ServiceConfiguration(Map<String, String> properties) {
    this.properties = properties;
  }

  /** The service's {@code src/main/resources/application.yml}. */
  static ServiceConfiguration of(Path module) {
    Path file = module.resolve("src/main/resources/application.yml");
    try (Reader reader = Files.newBufferedReader(file)) {
      return parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServiceConfiguration parse(Reader reader) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Object document : new Yaml().loadAll(reader)) {
      Map<String, String> flat = new LinkedHashMap<>();
      flatten("", document, flat);
      if (!flat.containsKey("spring.config.activate.on-profile")) {
        properties.putAll(flat);
      }
    }
    return new ServiceConfiguration(properties);
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) ->
              flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, item, out));
    } else if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(String.valueOf(item));
      }
      out.put(prefix, String.join(",", items));
    } else if (value != null) {
      out.put(prefix, value.toString());
    }
  }

  /** Every property and its raw value (placeholders unresolved). */
  Map<String, String> properties() {
    return properties;
  }

  /** Every environment variable a placeholder names, defaults and nested ones included. */
  Set<String> variables() {
    Set<String> names = new TreeSet<>();
    properties.values().forEach(value -> Placeholder.all(value).forEach(p -> names.add(p.name())));
    return names;
  }

  /**
   * The variables production must set: each outermost placeholder without a default or with an
   * empty one, unless {@code optional} (a setting production may leave empty), and whatever feeds a
   * property of {@link #GUARD_REQUIRED}: its placeholders, defaults or not, or, for a property the
   * file does not map, its relaxed-binding names ({@link #environmentNames}, {@code A|B}: either
   * provides it; for a map, variables {@code OFFICEFLOW_X_Y_<KEY>} do).
   */
  Set<String> required(Set<String> optional) {
    Set<String> names = new TreeSet<>();
    properties.forEach(
        (property, value) -> {
          for (Placeholder placeholder : Placeholder.outermost(value)) {
            if (placeholder.isVariable()
                && placeholder.defaultValue().isBlank()
                && !optional.contains(placeholder.name())) {
              names.add(placeholder.name());
            }
          }
        });
    for (String property : guardRequired()) {
      String value = properties.get(property);
      List<Placeholder> feeding =
          value == null
              ? List.of()
              : Placeholder.outermost(value).stream().filter(Placeholder::isVariable).toList();
      if (value == null) {
        names.add(environmentNames(property));
      } else {
        feeding.forEach(placeholder -> names.add(placeholder.name()));
      }
    }
    return names;
  }

  /** The properties {@link #GUARD_REQUIRED} lists. */
  Set<String> guardRequired() {
    Set<String> required = new LinkedHashSet<>();
    String list = properties.get(GUARD_REQUIRED);
    if (list != null) {
      for (String property : list.split(",")) {
        if (!property.isBlank()) {
          required.add(property.trim());
        }
      }
    }
    return required;
  }

  /**
   * The spellings Spring Boot binds a property from, separated by {@code |} when there are two:
   * {@link #environmentName} and the legacy one with each dash an underscore ({@code
   * OFFICEFLOW_USER_TOKEN_ENCRYPTION_KEYS}), which it accepts too.
   */
  static String environmentNames(String property) {
    String canonical = environmentName(property);
    String legacy = property.replace(".", "_").replace("-", "_").toUpperCase(Locale.ROOT);
    return canonical.equals(legacy) ? canonical : canonical + "|" + legacy;
  }

  /**
   * Spring Boot's environment variable for a property: upper case, dots to underscores, dashes
   * dropped ({@code officeflow.user.token-encryption.current-key-id} is {@code
   * OFFICEFLOW_USER_TOKENENCRYPTION_CURRENTKEYID}).
   */
  static String environmentName(String property) {
    return property
        .replace("-", "")
        .replace(".", "_")
        .replace("[", "_")
        .replace("]", "")
        .toUpperCase(Locale.ROOT);
  }

  /** One {@code ${name}} or {@code ${name:default}}; the default may hold placeholders itself. */
  record Placeholder(String name, String defaultValue, boolean hasDefault) {

    /** An environment variable (upper case), not a property reference ({@code ${a.b}}). */
    boolean isVariable() {
      return name.matches("[A-Z][A-Z0-9_]*");
    }

    /** The placeholders of {@code text} that are not inside another's default. */
    static List<Placeholder> outermost(String text) {
      List<Placeholder> found = new ArrayList<>();
      int i = 0;
      while ((i = text.indexOf("${", i)) >= 0) {
        int end = closing(text, i + 2);
        if (end < 0) {
          break;
        }
        String body = text.substring(i + 2, end);
        int colon = body.indexOf(':');
        found.add(
            colon < 0
                ? new Placeholder(body.trim(), "", false)
                : new Placeholder(
                    body.substring(0, colon).trim(), body.substring(colon + 1), true));
        i = end + 1;
      }
      return found;
    }

    /** Every placeholder of {@code text}, those inside defaults too. */
    static List<Placeholder> all(String text) {
      List<Placeholder> found = new ArrayList<>();
      for (Placeholder placeholder : outermost(text)) {
        if (placeholder.isVariable()) {
          found.add(placeholder);
        }
        found.addAll(all(placeholder.defaultValue()));
      }
      return found;
    }

    /** The index of the brace that closes a placeholder whose body starts at {@code from}. */
    private static int closing(String text, int from) {
      int depth = 1;
      for (int i = from; i < text.length(); i++) {
        if (text.startsWith("${", i)) {
          depth++;
          i++;
        } else if (text.charAt(i) == '}' && --depth == 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
