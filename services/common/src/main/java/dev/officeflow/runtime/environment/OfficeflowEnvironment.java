package dev.officeflow.runtime.environment;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Where a service runs. {@link #PRODUCTION} is the default, so a forgotten setting fails safe:
 * development defaults (credentials, keys, simulator URLs, the dev login) exist only under {@link
 * #LOCAL}, in the {@code local} Spring profile that each service's {@code application-local.yml}
 * fills.
 */
public enum OfficeflowEnvironment {
  LOCAL,
  PRODUCTION;

  /** The property that names it; the environment variable {@code OFFICEFLOW_ENVIRONMENT}. */
  public static final String PROPERTY = "officeflow.environment";

  /** The Spring profile {@link #LOCAL} activates. */
  public static final String LOCAL_PROFILE = "local";

  /** The environment {@code environment} names; production when it names none. */
  public static OfficeflowEnvironment of(Environment environment) {
    return parse(environment.getProperty(PROPERTY));
  }

  static OfficeflowEnvironment parse(String value) {
    if (value == null || value.isBlank()) {
      return PRODUCTION;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "local" -> LOCAL;
      case "production" -> PRODUCTION;
      default ->
          throw new IllegalStateException(
              PROPERTY + " must be 'local' or 'production', not '" + value + "'");
    };
  }
}
