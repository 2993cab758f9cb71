package dev.officeflow.googlesim.push;

/**
 * The Pub/Sub emulator Gmail push publishes to.
 *
 * @param host {@code host:port} of the emulator's gRPC endpoint
 * @param project the project the local topics live in; watches name their topic in full, this is
 *     what the README and {@code ./dev} use to build that name
 */
public record PubsubTarget(String host, String project) {}
