package dev.officeflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.testsupport.AppRegistry.App;
import dev.officeflow.testsupport.AppRegistry.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppRegistryTest {

  private static final List<String> LINES =
      List.of(
          "# a comment",
          "",
          "vespa-sim\tinfra/vespa-sim\ttarget/bin/vespa-sim.jar\tVESPA_PORT\t8080\t/sim/stats\tsimulator\t-Dsim=1",
          "user\tservices/user\ttarget/user-*-exec.jar\tUSER_PORT\t8081\t/actuator/health\tservice\t-Dservice=1  -Dsecond=2",
          "bench-x\tbench/x\t-\t-\t-\t-\tbench\t-Dbench=1");

  @Test
  void readsEachLineAsAnAppInItsOrder() {
    Map<String, App> apps = AppRegistry.parse(LINES, Map.of());

    assertThat(apps.keySet()).containsExactly("vespa-sim", "user", "bench-x");
    assertThat(apps.get("user"))
        .isEqualTo(
            new App(
                "user",
                "services/user",
                "target/user-*-exec.jar",
                "USER_PORT",
                8081,
                "/actuator/health",
                Kind.SERVICE,
                List.of("-Dservice=1", "-Dsecond=2")));
  }

  @Test
  void aBenchHasNoJarPortOrHealthPath() {
    App bench = AppRegistry.parse(LINES, Map.of()).get("bench-x");

    assertThat(bench.kind()).isEqualTo(Kind.BENCH);
    assertThat(bench.jar()).isEmpty();
    assertThat(bench.portVariable()).isEmpty();
    assertThat(bench.port()).isZero();
    assertThat(bench.healthPath()).isEmpty();
    assertThat(bench.jvmOptions()).containsExactly("-Dbench=1");
  }

  @Test
  void theEnvironmentReplacesTheOptionsOfEachKindAsDevDoes() {
    Map<String, App> apps =
        AppRegistry.parse(
            LINES,
            Map.of(
                "OFFICEFLOW_APP_JVM_OPTS", "-Dother=1", "OFFICEFLOW_SIM_JVM_OPTS", " -Dother=2 "));

    assertThat(apps.get("user").jvmOptions()).containsExactly("-Dother=1");
    assertThat(apps.get("vespa-sim").jvmOptions()).containsExactly("-Dother=2");
    assertThat(apps.get("bench-x").jvmOptions()).containsExactly("-Dbench=1");
  }

  @Test
  void anEmptyOverrideKeepsTheRegistrysOptions() {
    Map<String, App> apps = AppRegistry.parse(LINES, Map.of("OFFICEFLOW_APP_JVM_OPTS", ""));

    assertThat(apps.get("user").jvmOptions()).containsExactly("-Dservice=1", "-Dsecond=2");
  }

  @Test
  void aVariantWithOtherOptionsKeepsEverythingElse() {
    App user = AppRegistry.parse(LINES, Map.of()).get("user");

    App variant = user.withJvmOptions(List.of("-Dvariant=1"));

    assertThat(variant.jvmOptions()).containsExactly("-Dvariant=1");
    assertThat(variant.withJvmOptions(user.jvmOptions())).isEqualTo(user);
  }

  @Test
  void aLineWithAnEmptyColumnIsRefused() {
    List<String> lines = List.of("user\tservices/user\t\tUSER_PORT\t8081\t/h\tservice\t-Dx=1");

    assertThatThrownBy(() -> AppRegistry.parse(lines, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'-' for none");
  }

  @Test
  void findsTheRepositoryAboveTheWorkingDirectoryAndTheJarByItsGlob(@TempDir Path root)
      throws IOException {
    Files.createDirectories(root.resolve("tools"));
    Files.write(root.resolve(AppRegistry.FILE), LINES);
    Path jar = root.resolve("services/user/target/user-1.0-exec.jar");
    Files.createDirectories(jar.getParent());
    Files.createFile(jar);
    Files.createFile(jar.resolveSibling("user-1.0.jar"));

    AppRegistry registry = AppRegistry.load(root.resolve("services/user"), Map.of());

    assertThat(registry.root()).isEqualTo(root);
    assertThat(registry.javaCommand("user"))
        .endsWith("-Dservice=1", "-Dsecond=2", "-jar", jar.toString());
  }

  @Test
  void aJarThatWasNotBuiltIsNamedInTheError(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("tools"));
    Files.write(root.resolve(AppRegistry.FILE), LINES);
    AppRegistry registry = AppRegistry.load(root, Map.of());

    assertThatThrownBy(() -> registry.jar(registry.app("vespa-sim")))
        .hasMessageContaining("target/bin/vespa-sim.jar in infra/vespa-sim");
  }

  @Test
  void anUnknownAppIsNamedInTheError() {
    AppRegistry registry = AppRegistry.load();

    assertThatThrownBy(() -> registry.app("mail-sim")).hasMessageContaining("no app mail-sim");
  }

  @Test
  void theRepositorysRegistryNamesTheNineAppsDevUpStarts() {
    List<String> launched =
        AppRegistry.load().apps().stream()
            .filter(app -> app.kind() != Kind.BENCH)
            .map(App::name)
            .toList();

    assertThat(launched)
        .containsExactly(
            "google-sim",
            "graph-sim",
            "vespa-sim",
            "user",
            "office",
            "contacts",
            "vespa-loader",
            "notifier",
            "legacy-bridge");
  }
}
