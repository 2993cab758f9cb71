package dev.officeflow.runtime.testing;

import dev.officeflow.setuppubsub.Main;
import dev.officeflow.testsupport.Infrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole topic/subscription catalog under a fresh name prefix on the test emulator, applied with
 * setup-pubsub itself, so a service under test gets its own topics and subscriptions.
 */
public final class IsolatedCatalog {

  private IsolatedCatalog() {}

  /**
   * Applies the catalog (with setup-pubsub's {@code groups} flags, e.g. {@code --legacy}) under a
   * new prefix and returns the prefix. Its topics and subscriptions are deleted when the current
   * test class ends ({@link EmulatorResources}).
   */
  public static String apply(String... groups) {
    String prefix = applyForRun(groups);
    EmulatorResources.atClassEnd(prefix);
    return prefix;
  }

  /**
   * As {@link #apply}, for a catalog shared by several test classes: it stays until its owner calls
   * {@link EmulatorResources#delete(String)}.
   */
  public static String applyForRun(String... groups) {
    String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--emulator", Infrastructure.pubsubEmulatorHost(),
                "--project", Infrastructure.pubsubProjectId(),
                "--prefix", prefix));
    args.addAll(List.of(groups));
    int exit = Main.run(args.toArray(String[]::new), Map.of(), out, out);
    if (exit != 0) {
      throw new IllegalStateException(
          "setup-pubsub " + args + " failed (" + exit + "):\n" + output);
    }
    return prefix;
  }

  /**
   * The Spring properties that point a service at the test infrastructure and the prefix, as
   * default properties: a service's own {@code application.yml} overrides them, so a service with
   * one passes {@link #commandLine} to {@code run(...)} instead.
   */
  public static Map<String, Object> springProperties(String prefix) {
    return Map.of(
        // Tests run as ./dev does, with the development defaults; a test of production resets it.
        "officeflow.environment", "local",
        "spring.cloud.gcp.pubsub.emulator-host", Infrastructure.pubsubEmulatorHost(),
        "spring.cloud.gcp.project-id", Infrastructure.pubsubProjectId(),
        "officeflow.redis.url", Infrastructure.redisUri(),
        "officeflow.pubsub.prefix", prefix);
  }

  /** The same settings as command-line arguments, which win over {@code application.yml}. */
  public static String[] commandLine(String prefix) {
    return springProperties(prefix).entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
