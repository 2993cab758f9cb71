package dev.officeflow.legacybridge.testing;

import dev.officeflow.runtime.testing.IsolatedCatalog;

/**
 * The whole catalog and its legacy group under a fresh prefix, applied with {@code setup-pubsub
 * --legacy} as ./dev and a deployment apply it (IsolatedCatalog's {@code apply()} applies the core
 * only).
 */
public final class LegacyCatalog {

  private LegacyCatalog() {}

  public static String apply() {
    return IsolatedCatalog.apply("--legacy");
  }

  /** As {@link #apply()} with the mirror's subscriptions too ({@code --legacy-mirror}). */
  public static String applyWithMirror() {
    return IsolatedCatalog.apply("--legacy-mirror");
  }
}
