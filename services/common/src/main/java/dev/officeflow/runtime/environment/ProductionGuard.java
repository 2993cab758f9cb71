package dev.officeflow.runtime.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Refuses to start a service in production while a development default is active, with one message
 * that lists every offender (ARCHITECTURE §8):
 *
 * <ul>
 *   <li>a property set to the value the {@code local} profile gives it (the service's {@code
 *       application-local.yml} and services-common's shared local defaults): a development
 *       credential, key, client secret or the dev login;
 *   <li>a URL property of the local profile that points at this machine (a simulator);
 *   <li>a property the service lists under {@code officeflow.guard.required} that is not set (its
 *       key, its credential: without them a service would generate or skip them);
 *   <li>the Pub/Sub emulator, unless {@code officeflow.guard.allow-emulator} (a test-only
 *       allowance, reported in the startup log);
 *   <li>a database user without a password, unless {@code
 *       officeflow.guard.database-iam-authentication} says IAM authentication replaces it;
 *   <li>the {@code local} profile itself.
 * </ul>
 *
 * Runs right after the configuration files are read, before any bean exists, so nothing starts
 * half-way with a development secret.
 */
public final class ProductionGuard implements EnvironmentPostProcessor, Ordered {

  public static final String REQUIRED = "officeflow.guard.required";
  public static final String ALLOW_EMULATOR = "officeflow.guard.allow-emulator";
  public static final String DATABASE_IAM = "officeflow.guard.database-iam-authentication";

  static final String EMULATOR = "spring.cloud.gcp.pubsub.emulator-host";
  private static final String SERVICE_NAME = "officeflow.service.name";
  static final List<String> LOCAL_FILES =
      List.of("application-local.yml", LocalProfile.SHARED_LOCAL_DEFAULTS);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  private final Log log;

  public ProductionGuard(DeferredLogFactory logs) {
    this.log = logs.getLog(ProductionGuard.class);
  }

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 10;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (OfficeflowEnvironment.of(environment) != OfficeflowEnvironment.PRODUCTION) {
      return;
    }
    List<String> offenders = offenders(environment, localDefaults());
    if (!offenders.isEmpty()) {
      throw new IllegalStateException(
          "officeflow.environment is production (the default), but development defaults are"
              + " active; set real values or officeflow.environment=local:\n  - "
              + String.join("\n  - ", offenders));
    }
  }

  List<String> offenders(ConfigurableEnvironment environment, Map<String, List<String>> rawLocal) {
    Binder binder = Binder.get(environment);
    Map<String, List<String>> local = resolved(rawLocal, environment);
    List<String> offenders = new ArrayList<>();
    if (List.of(environment.getActiveProfiles()).contains(OfficeflowEnvironment.LOCAL_PROFILE)) {
      offenders.add("the 'local' profile is active");
    }
    local.forEach(
        (name, devValues) -> {
          for (String actual : values(binder, name)) {
            if (devValues.contains(actual)) {
              offenders.add(name + " has its development value");
              return;
            }
            if (devValues.stream().anyMatch(ProductionGuard::isLoopbackUrl)
                && isLoopbackUrl(actual)) {
              offenders.add(name + " points at this machine (" + actual + "): a simulator");
              return;
            }
          }
        });
    for (String required : values(binder, REQUIRED)) {
      if (!isSet(binder, required)) {
        offenders.add(required + " is not set");
      }
    }
    String emulator = environment.getProperty(EMULATOR, "");
    if (!emulator.isBlank()) {
      if (environment.getProperty(ALLOW_EMULATOR, Boolean.class, false)) {
        log.warn(
            "test-only allowance " + ALLOW_EMULATOR + ": Pub/Sub is the emulator at " + emulator);
      } else {
        offenders.add(EMULATOR + " is set (" + emulator + "): the Pub/Sub emulator");
      }
    }
    if (environment.containsProperty("spring.r2dbc.url")
        && environment.getProperty("spring.r2dbc.password", "").isBlank()
        && !environment.getProperty(DATABASE_IAM, Boolean.class, false)) {
      offenders.add(
          "spring.r2dbc.password is empty (a database user without a password; set "
              + DATABASE_IAM
              + "=true when IAM authentication replaces it)");
    }
    return offenders;
  }

  /** A value, a list with a non-blank element, or a map with a non-blank value. */
  private static boolean isSet(Binder binder, String name) {
    if (values(binder, name).stream().anyMatch(value -> !value.isBlank())) {
      return true;
    }
    try {
      return binder
          .bind(name, Bindable.mapOf(String.class, String.class))
          .map(map -> map.values().stream().anyMatch(value -> !value.isBlank()))
          .orElse(false);
    } catch (BindException notAMap) {
      return false;
    }
  }

  private static List<String> values(Binder binder, String name) {
    return binder.bind(name, Bindable.listOf(String.class)).orElse(List.of());
  }

  private static boolean isLoopbackUrl(String value) {
    try {
      URI uri = URI.create(value.trim());
      return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
  }

  /**
   * The local values as the local profile would resolve them on a machine that sets nothing: a
   * placeholder's default ({@code ${VESPA_ENDPOINT:http://127.0.0.1:8080/}} is the URL), never the
   * production value the variable has here; only the service's name is taken from the environment.
   */
  private static Map<String, List<String>> resolved(
      Map<String, List<String>> local, ConfigurableEnvironment environment) {
    PropertyPlaceholderHelper placeholders =
        new PropertyPlaceholderHelper("${", "}", ":", null, true);
    String service = environment.getProperty(SERVICE_NAME, "");
    Map<String, List<String>> resolved = new LinkedHashMap<>();
    local.forEach(
        (name, values) ->
            resolved.put(
                name,
                values.stream()
                    .map(
                        value ->
                            placeholders.replacePlaceholders(
                                value, key -> key.equals(SERVICE_NAME) ? service : null))
                    .toList()));
    return resolved;
  }

  /** Every property the local profile sets, by name without list indexes, and its values. */
  static Map<String, List<String>> localDefaults() {
    Map<String, List<String>> defaults = new LinkedHashMap<>();
    YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
    for (String file : LOCAL_FILES) {
      Resource resource = new ClassPathResource(file);
      if (!resource.exists()) {
        continue;
      }
      try {
        for (PropertySource<?> source : loader.load(file, resource)) {
          if (source instanceof EnumerablePropertySource<?> enumerable) {
            for (String name : enumerable.getPropertyNames()) {
              Object value = enumerable.getProperty(name);
              if (value != null && !name.startsWith("spring.config")) {
                defaults
                    .computeIfAbsent(name.replaceAll("\\[\\d+]$", ""), n -> new ArrayList<>())
                    .add(value.toString());
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return defaults;
  }
}
