package dev.officeflow.runtime.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service's health probes and trace propagation are, written once, below everything a
 * service configures (any of these keys in its {@code application.yml} wins):
 *
 * <ul>
 *   <li>{@code /actuator/health/liveness}: the process alone ({@code livenessState}), so a
 *       dependency's outage never gets a healthy process restarted;
 *   <li>{@code /actuator/health/readiness}: {@code readinessState} and every other component of the
 *       service's health ({@code pubSub}, {@code r2dbc}, {@code payloadStore}, vespa-loader's
 *       {@code vespa}, the user service's {@code redis}), so traffic stops while one is down;
 *   <li>Reactor's automatic context propagation, which restores a chain's trace on every thread it
 *       runs on (the trace's log correlation, {@code dev.officeflow.runtime.trace}).
 * </ul>
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor {

  static final String NAME = "officeflowObservabilityDefaults";

  static final Map<String, Object> DEFAULTS =
      Map.of(
          "management.endpoint.health.probes.enabled", "true",
          "management.endpoint.health.group.liveness.include", "livenessState",
          "management.endpoint.health.group.readiness.include", "*",
          "management.endpoint.health.group.readiness.exclude", "livenessState",
          "spring.reactor.context-propagation", "auto");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
  }
}
