package dev.officeflow.legacybridge.testing;

import dev.officeflow.setuppubsub.Main;
import dev.officeflow.testsupport.Infrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The whole catalog and its legacy group under a fresh prefix, applied with {@code setup-pubsub
 * --legacy} as ./dev and a deployment apply it (the runtime's IsolatedCatalog applies the core
 * only).
 */
public final class LegacyCatalog {

  private LegacyCatalog() {}

  public static String apply() {
    return apply("--legacy");
  }

  /** As {@link #apply()} with the mirror's subscriptions too ({@code --legacy-mirror}). */
  public static String applyWithMirror() {
    return apply("--legacy-mirror");
  }

  private static String apply(String group) {
    String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {
      "--emulator",
      Infrastructure.pubsubEmulatorHost(),
      "--project",
      Infrastructure.pubsubProjectId(),
      "--prefix",
      prefix,
      group
    };
    int exit = Main.run(args, Map.of(), out, out);
    if (exit != 0) {
      throw new IllegalStateException(
          "setup-pubsub " + group + " failed (" + exit + "):\n" + output);
    }
    return prefix;
  }
}
