package dev.officeflow.office.providers.microsoft;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** The setup the Microsoft integration tests share, each adding its own settings to it. */
public final class MicrosoftOffice {

  private MicrosoftOffice() {}

  /** An office against {@code sim} over a database of its own; a mutable map for the test's own. */
  public static Map<String, Object> properties(String prefix, GraphSim sim) {
    return new HashMap<>(
        OfficeProperties.microsoft(prefix, Infrastructure.createDatabase("office"), sim));
  }

  /**
   * As {@link #properties}, served on {@code port} with the webhooks' base URL there: graph-sim
   * posts its notifications to the loopback port the office listens on.
   */
  public static Map<String, Object> withWebhooks(String prefix, GraphSim sim, int port) {
    Map<String, Object> p = properties(prefix, sim);
    p.put("server.port", port);
    p.put("officeflow.office.streaming.microsoft.webhook-base-url", "http://127.0.0.1:" + port);
    return p;
  }

  /** A port free now, for an office whose webhook URL must be known before it starts. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
