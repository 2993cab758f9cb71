package dev.officeflow.runtime.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which callers may call the internal routes under {@code pattern} (ARCHITECTURE §8). A service
 * declares one bean per route family, e.g. the user service's {@code /internal/tokens/**} for
 * {@code office}; a known caller outside the list gets 403. Routes no bean names are the {@link
 * #OPERATOR}'s alone.
 *
 * @param pattern a WebFlux path pattern under {@code /internal/}
 * @param callers the caller names allowed
 */
public record InternalAccess(String pattern, Set<String> callers) {

  /** The people and tools that run officeflow: backfill control, consumer pause/resume, demos. */
  public static final String OPERATOR = "operator";

  public InternalAccess {
    if (!pattern.startsWith("/internal/")) {
      throw new IllegalArgumentException("not an internal route: " + pattern);
    }
    callers = Set.copyOf(callers);
  }

  public static InternalAccess of(String pattern, String... callers) {
    return new InternalAccess(pattern, Set.of(callers));
  }

  /**
   * Whether {@code caller} is one this route names. Names compare without dashes and case: a caller
   * configured from an environment variable ({@code OFFICEFLOW_SECURITY_CALLERS_VESPALOADER})
   * arrives as {@code vespaloader}.
   */
  public boolean allows(String caller) {
    String wanted = canonical(caller);
    return callers.stream().anyMatch(named -> canonical(named).equals(wanted));
  }

  static String canonical(String caller) {
    return caller.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  PathPattern parsed() {
    return PathPatternParser.defaultInstance.parse(pattern);
  }
}
