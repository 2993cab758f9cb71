package dev.officeflow.setuppubsub;

/** The emulator's address; {@code host} may be an IPv6 literal without brackets. */
record HostPort(String host, int port) {

  HostPort {
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * Parses {@code host:port} or {@code [ipv6]:port}.
   *
   * @throws SetupException a usage error naming {@code source} when the text is not an address
   */
  static HostPort parse(String text, String source) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw SetupException.usage(source + " '" + text + "' is not HOST:PORT");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw SetupException.usage(source + " '" + text + "' is not HOST:PORT");
    }
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
