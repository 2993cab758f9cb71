package dev.officeflow.runtime.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Activates the {@code local} profile when {@code officeflow.environment=local} is given before the
 * configuration files are read (environment variable, system property or command line), so that
 * each service's {@code application-local.yml}, which holds every development default, is read with
 * the rest. Runs before Boot reads the files; under production it does nothing.
 */
public final class LocalProfile implements EnvironmentPostProcessor, Ordered {

  /**
   * The development defaults every service shares (the local callers' credentials), added to the
   * environment under the local profile, below everything the service itself configures.
   */
  static final String SHARED_LOCAL_DEFAULTS = "officeflow-local-defaults.yml";

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER - 1;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (OfficeflowEnvironment.of(environment) == OfficeflowEnvironment.LOCAL) {
      environment.addActiveProfile(OfficeflowEnvironment.LOCAL_PROFILE);
      try {
        new YamlPropertySourceLoader()
            .load(SHARED_LOCAL_DEFAULTS, new ClassPathResource(SHARED_LOCAL_DEFAULTS))
            .forEach(environment.getPropertySources()::addLast);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SHARED_LOCAL_DEFAULTS, e);
      }
    }
  }
}
