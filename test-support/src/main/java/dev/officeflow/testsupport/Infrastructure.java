package dev.officeflow.testsupport;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints of the Pub/Sub emulator, Redis and PostgreSQL for integration tests, resolved once
 * per JVM (see {@link IntegrationTest}). Every accessor resolves on first use, so it also works
 * before the extension ran (in a Spring {@code @DynamicPropertySource}, say). Thread-safe.
 */
public final class Infrastructure {

  private static volatile @Nullable Endpoints endpoints;
  private static @Nullable RuntimeException failure;

  private Infrastructure() {}

  /** The emulator as {@code host:port}, the form of {@code PUBSUB_EMULATOR_HOST}. */
  public static String pubsubEmulatorHost() {
    return resolve().pubsub().toString();
  }

  public static String pubsubProjectId() {
    return resolve().pubsubProjectId();
  }

  /** Redis as {@code redis://host:port}. */
  public static String redisUri() {
    return resolve().redisUri();
  }

  public static String postgresHost() {
    return resolve().postgres().host();
  }

  public static int postgresPort() {
    return resolve().postgres().port();
  }

  /** A user that may create databases. */
  public static String postgresUser() {
    return resolve().postgresUser();
  }

  /** The password of {@link #postgresUser()}; empty under {@code ./dev test} (trust auth). */
  public static String postgresPassword() {
    return resolve().postgresPassword();
  }

  /**
   * Creates a new, empty database named after {@code prefix} plus a random suffix, so each test
   * class can have its own.
   */
  public static TestDatabase createDatabase(String prefix) {
    return new Databases(resolve()).create(prefix);
  }

  /**
   * {@code prefix-} plus a short random suffix, for topics and subscriptions: the emulator keeps
   * them between tests.
   */
  public static String uniqueName(String prefix) {
    return Names.unique(prefix);
  }

  static Endpoints resolve() {
    Endpoints resolved = endpoints;
    return resolved != null ? resolved : resolveOnce(InfrastructureResolver.fromSystem()::resolve);
  }

  /** Resolves at most once; a failure is remembered so later test classes fail fast with it. */
  static synchronized Endpoints resolveOnce(Supplier<Endpoints> resolver) {
    Endpoints resolved = endpoints;
    if (resolved != null) {
      return resolved;
    }
    RuntimeException earlier = failure;
    if (earlier != null) {
      throw new TestInfrastructureException(
          "Test infrastructure failed earlier in this JVM: " + earlier.getMessage(), earlier);
    }
    try {
      resolved = resolver.get();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    endpoints = resolved;
    return resolved;
  }
}
