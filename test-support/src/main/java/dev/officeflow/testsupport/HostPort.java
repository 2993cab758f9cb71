package dev.officeflow.testsupport;

import java.net.InetSocketAddress;

/** A TCP endpoint; {@code host} carries no IPv6 brackets. */
record HostPort(String host, int port) {

  HostPort {
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
  }

  /** Parses {@code host:port} (IPv6 as {@code [::1]:port}); {@code setting} names the source. */
  static HostPort parse(String hostAndPort, String setting) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw invalid(setting, hostAndPort, "expected host:port");
    }
    String host = hostAndPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, parsePort(hostAndPort.substring(colon + 1), setting));
  }

  static int parsePort(String text, String setting) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(setting, text, "expected a port number between 1 and 65535");
  }

  static TestInfrastructureException invalid(String setting, String value, String expectation) {
    return new TestInfrastructureException(
        setting + "='" + value + "' is not valid: " + expectation + ".");
  }

  InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
