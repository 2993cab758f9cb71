package dev.officeflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.AppRegistry.App;
import dev.officeflow.testsupport.AppRegistry.Kind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs the apps of the registry (tools/apps.tsv): each under its name, built
 * from its module, published on its port on the loopback interface only, and checked on its health
 * path (the real Vespa, vespa-sim's stand-in, by its own healthcheck).
 */
class AppRegistryComposeTest {

  /** docker-compose.yml runs a real Vespa (an image) where ./dev runs vespa-sim. */
  private static final Map<String, String> STAND_INS = Map.of("vespa-sim", "vespa");

  /** One-shot jobs built from a module, which ./dev runs as a command rather than an app. */
  private static final Set<String> JOBS = Set.of("setup-pubsub");

  private final AppRegistry registry = AppRegistry.load();
  private final Map<String, Map<String, Object>> services = composeServices();

  @Test
  void everyAppHasAComposeServiceOfItsNameBuiltFromItsModule() {
    for (App app : apps()) {
      if (STAND_INS.containsKey(app.name())) {
        assertThat(service(STAND_INS.get(app.name())))
            .as("%s's stand-in in docker-compose.yml", app.name())
            .containsKey("image");
      } else {
        assertThat(module(service(app.name())))
            .as("%s's MODULE", app.name())
            .isEqualTo(app.module());
      }
    }
  }

  @Test
  void everyAppIsPublishedOnItsPortOnTheLoopbackOnly() {
    for (App app : apps()) {
      Map<String, Object> service = service(STAND_INS.getOrDefault(app.name(), app.name()));
      assertThat(strings(service.get("ports")))
          .as("%s's ports in docker-compose.yml", app.name())
          .contains("127.0.0.1:" + app.port() + ":" + app.port());
    }
  }

  @Test
  void noPortIsPublishedBeyondTheLoopback() {
    services.forEach(
        (name, service) ->
            assertThat(strings(service.get("ports")))
                .as("compose service %s's ports: published on 127.0.0.1 only", name)
                .allMatch(port -> port.startsWith("127.0.0.1:")));
  }

  @Test
  void everyComposeServiceBuiltFromAModuleIsAnAppOrAJob() {
    List<String> modules = apps().stream().map(App::module).toList();
    services.forEach(
        (name, service) -> {
          String module = module(service);
          if (!module.isEmpty() && !JOBS.contains(name)) {
            assertThat(modules)
                .as("compose service %s's module in the registry", name)
                .contains(module);
          }
        });
  }

  @Test
  void everyAppsHealthcheckAsksTheRegistrysHealthPath() {
    for (App app : apps()) {
      if (STAND_INS.containsKey(app.name())) {
        assertThat(service(STAND_INS.get(app.name())))
            .as("%s's stand-in's healthcheck in docker-compose.yml", app.name())
            .containsKey("healthcheck");
        continue;
      }
      assertThat(service(app.name()).get("healthcheck"))
          .as("%s's healthcheck in docker-compose.yml", app.name())
          .isInstanceOf(Map.class);
      Map<?, ?> healthcheck = (Map<?, ?>) service(app.name()).get("healthcheck");
      // The port and the whole path: not a longer path that merely starts with it.
      Pattern asksHealthPath =
          Pattern.compile(":" + app.port() + Pattern.quote(app.healthPath()) + "(?![\\w/.-])");
      assertThat(String.join(" ", strings(healthcheck.get("test"))))
          .as("%s's healthcheck in docker-compose.yml", app.name())
          .containsPattern(asksHealthPath);
    }
  }

  /**
   * The setup-pubsub job applies the catalog's groups ./dev up applies (tools/apps.sh: the legacy
   * group, which the registry's legacy bridge reads), so a Docker user gets the bridge's topics
   * too.
   */
  @Test
  void composeAppliesTheCatalogGroupsDevUpApplies() throws IOException {
    Pattern group = Pattern.compile("--legacy[\\w-]*");
    String applyCatalog =
        Files.readAllLines(registry.root().resolve("tools/apps.sh")).stream()
            .filter(line -> line.contains("$SETUP_PUBSUB_JAR\" --emulator"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("tools/apps.sh runs no setup-pubsub"));
    List<String> devUp = group.matcher(applyCatalog).results().map(r -> r.group()).toList();
    List<String> compose =
        strings(service("setup-pubsub").get("command")).stream()
            .filter(arg -> group.matcher(arg).matches())
            .toList();

    assertThat(registry.apps()).extracting(App::name).contains("legacy-bridge");
    assertThat(devUp).as("./dev up's setup-pubsub groups").contains("--legacy");
    assertThat(compose)
        .as("docker-compose.yml's setup-pubsub groups, as ./dev up's")
        .containsExactlyInAnyOrderElementsOf(devUp);
  }

  private List<App> apps() {
    return registry.apps().stream().filter(app -> app.kind() != Kind.BENCH).toList();
  }

  private Map<String, Object> service(String name) {
    assertThat(services).as("the services of docker-compose.yml").containsKey(name);
    return services.get(name);
  }

  private static String module(Map<String, Object> service) {
    if (service.get("build") instanceof Map<?, ?> build
        && build.get("args") instanceof Map<?, ?> args
        && args.get("MODULE") instanceof String module) {
      return module;
    }
    return "";
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
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
