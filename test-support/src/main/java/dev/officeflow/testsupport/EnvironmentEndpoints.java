package dev.officeflow.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the endpoints from the variables that {@code ./dev test} exports. Either all of {@code
 * PUBSUB_EMULATOR_HOST}, {@code REDIS_URL} and {@code POSTGRES_HOST} are set, or none is; blank
 * counts as unset.
 */
final class EnvironmentEndpoints {

  static final String PUBSUB_EMULATOR_HOST = "PUBSUB_EMULATOR_HOST";
  static final String PUBSUB_PROJECT_ID = "PUBSUB_PROJECT_ID";
  static final String REDIS_URL = "REDIS_URL";
  static final String POSTGRES_HOST = "POSTGRES_HOST";
  static final String POSTGRES_PORT = "POSTGRES_PORT";
  static final String POSTGRES_USER = "POSTGRES_USER";
  static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";

  private static final int DEFAULT_REDIS_PORT = 6379;
  private static final int DEFAULT_POSTGRES_PORT = 5432;
  private static final String DEFAULT_POSTGRES_USER = "postgres";

  private final Map<String, String> env;

  EnvironmentEndpoints(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The endpoints, or empty when none of the required variables is set.
   *
   * @throws TestInfrastructureException when only some are set or a value is malformed
   */
  Optional<Endpoints> endpoints() {
    List<String> required = List.of(PUBSUB_EMULATOR_HOST, REDIS_URL, POSTGRES_HOST);
    List<String> missing = new ArrayList<>();
    for (String name : required) {
      if (value(name).isEmpty()) {
        missing.add(name);
      }
    }
    if (missing.size() == required.size()) {
      return Optional.empty();
    }
    if (!missing.isEmpty()) {
      throw new TestInfrastructureException(
          "Incomplete test infrastructure settings: "
              + String.join(", ", missing)
              + " not set. Set all of PUBSUB_EMULATOR_HOST, REDIS_URL and POSTGRES_HOST"
              + " (./dev test does), or none of them.");
    }
    return Optional.of(parse());
  }

  private Endpoints parse() {
    String redisUri = required(REDIS_URL);
    int postgresPort =
        value(POSTGRES_PORT)
            .map(port -> HostPort.parsePort(port, POSTGRES_PORT))
            .orElse(DEFAULT_POSTGRES_PORT);
    return new Endpoints(
        HostPort.parse(required(PUBSUB_EMULATOR_HOST), PUBSUB_EMULATOR_HOST),
        value(PUBSUB_PROJECT_ID).orElse(Endpoints.DEFAULT_PROJECT_ID),
        redisUri,
        redisEndpoint(redisUri),
        new HostPort(required(POSTGRES_HOST), postgresPort),
        value(POSTGRES_USER).orElse(DEFAULT_POSTGRES_USER),
        env.getOrDefault(POSTGRES_PASSWORD, ""));
  }

  private static HostPort redisEndpoint(String redisUri) {
    URI uri;
    try {
      uri = new URI(redisUri);
    } catch (URISyntaxException e) {
      throw HostPort.invalid(REDIS_URL, redisUri, "expected redis://host:port");
    }
    String scheme = uri.getScheme();
    if (!("redis".equals(scheme) || "rediss".equals(scheme)) || uri.getHost() == null) {
      throw HostPort.invalid(REDIS_URL, redisUri, "expected redis://host:port");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, uri.getPort() == -1 ? DEFAULT_REDIS_PORT : uri.getPort());
  }

  private String required(String name) {
    return value(name).orElseThrow(() -> new IllegalStateException(name + " checked above"));
  }

  private Optional<String> value(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(text -> !text.isEmpty());
  }
}
