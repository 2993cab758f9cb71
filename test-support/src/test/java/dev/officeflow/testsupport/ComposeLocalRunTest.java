package dev.officeflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.AppRegistry.App;
import dev.officeflow.testsupport.AppRegistry.Kind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is a local run, said so explicitly, and starts in order: each service runs
 * with {@code OFFICEFLOW_ENVIRONMENT=local}, PostgreSQL has a password the services use, and every
 * dependency waits for its health check or its one-shot job to finish (Pub/Sub and the catalog for
 * every app that uses them).
 */
class ComposeLocalRunTest {

  private final AppRegistry registry = AppRegistry.load();
  private final Map<String, Map<String, Object>> services = composeServices();

  @Test
  void everyServiceRunsTheLocalEnvironmentExplicitly() {
    for (App app : registry.apps()) {
      if (app.kind() == Kind.SERVICE) {
        assertThat(environment(app.name()))
            .as("%s's environment in docker-compose.yml", app.name())
            .containsEntry("OFFICEFLOW_ENVIRONMENT", "local");
      }
    }
  }

  @Test
  void postgresqlHasAPasswordAndTheServicesUseIt() {
    Map<String, Object> postgres = environment("postgres");
    assertThat(postgres).doesNotContainKey("POSTGRES_HOST_AUTH_METHOD");
    assertThat(String.valueOf(postgres.get("POSTGRES_PASSWORD"))).isNotBlank();
    services.forEach(
        (name, service) -> {
          Map<String, Object> environment = environment(name);
          if (environment.containsKey("POSTGRES_HOST")) {
            assertThat(environment.get("POSTGRES_PASSWORD"))
                .as("%s's POSTGRES_PASSWORD", name)
                .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
          }
        });
  }

  /**
   * A dependency with a health check is waited for until healthy, a one-shot job (restart "no")
   * until it succeeded; every app waits for Pub/Sub and the catalog, and each service for the
   * PostgreSQL and Redis it uses.
   */
  @Test
  void everyDependencyWaitsForHealthOrCompletion() {
    services.forEach(
        (name, service) ->
            dependencies(name)
                .forEach(
                    (dependency, condition) -> {
                      Map<String, Object> other = services.get(dependency);
                      assertThat(other).as("%s depends on %s", name, dependency).isNotNull();
                      String expected =
                          "no".equals(String.valueOf(other.get("restart")))
                              ? "service_completed_successfully"
                              : "service_healthy";
                      if (expected.equals("service_healthy")) {
                        assertThat(other)
                            .as("%s's healthcheck", dependency)
                            .containsKey("healthcheck");
                      }
                      assertThat(condition)
                          .as("%s's depends_on %s", name, dependency)
                          .isEqualTo(Map.of("condition", expected));
                    }));
    for (App app : registry.apps()) {
      if (app.kind() == Kind.BENCH || !services.containsKey(app.name())) {
        continue;
      }
      Map<String, Object> dependencies = dependencies(app.name());
      if (usesPubSub(app)) {
        assertThat(dependencies)
            .as("%s's depends_on", app.name())
            .containsKeys("pubsub", "setup-pubsub");
      }
      Map<String, Object> environment = environment(app.name());
      if (hasDatabase(app)) {
        assertThat(dependencies).as("%s's depends_on", app.name()).containsKey("postgres");
      }
      if (environment.containsKey("REDIS_URL")) {
        assertThat(dependencies).as("%s's depends_on", app.name()).containsKey("redis");
      }
    }
  }

  /**
   * Every service publishes or consumes; a simulator only when its command names the emulator
   * (google-sim publishes Gmail's notifications; graph-sim posts to the office over HTTP).
   */
  private boolean usesPubSub(App app) {
    return app.kind() == Kind.SERVICE
        || String.valueOf(services.get(app.name()).get("command")).contains("pubsub:");
  }

  /** A service with a database configures R2DBC in its application.yml. */
  private boolean hasDatabase(App app) {
    Path yml = registry.root().resolve(app.module()).resolve("src/main/resources/application.yml");
    try {
      return Files.exists(yml) && Files.readString(yml).contains("r2dbc");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> environment(String service) {
    Object environment = services.get(service).get("environment");
    return environment instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> dependencies(String service) {
    Object dependsOn = services.get(service).get("depends_on");
    if (dependsOn instanceof List<?>) {
      throw new AssertionError(service + "'s depends_on lists names without conditions");
    }
    return dependsOn instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> composeServices() {
    try (Reader reader = Files.newBufferedReader(registry.root().resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
