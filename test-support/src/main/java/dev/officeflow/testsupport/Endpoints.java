package dev.officeflow.testsupport;

/**
 * Where the test infrastructure answers.
 *
 * @param pubsub the Pub/Sub emulator (REST and gRPC share the port)
 * @param redisUri the Redis URI as given, for clients; {@code redis} is its endpoint
 */
record Endpoints(
    HostPort pubsub,
    String pubsubProjectId,
    String redisUri,
    HostPort redis,
    HostPort postgres,
    String postgresUser,
    String postgresPassword) {

  static final String DEFAULT_PROJECT_ID = "officeflow-local";

  /** Endpoints whose Redis URI is plain {@code redis://host:port}. */
  static Endpoints of(
      HostPort pubsub,
      String pubsubProjectId,
      HostPort redis,
      HostPort postgres,
      String postgresUser,
      String postgresPassword) {
    return new Endpoints(
        pubsub,
        pubsubProjectId,
        "redis://" + redis,
        redis,
        postgres,
        postgresUser,
        postgresPassword);
  }
}
