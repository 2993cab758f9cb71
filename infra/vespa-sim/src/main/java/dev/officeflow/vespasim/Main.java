package dev.officeflow.vespasim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar vespa-sim.jar [--host 0.0.0.0] [--port 8080] [--schemas infra/vespa/schemas]}:
 * runs vespa-sim until the process is stopped.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** Starts the server; Jetty's threads keep the process alive until it is stopped. */
  public static void main(String[] args) {
    Options options = Options.parse(args);
    VespaSim sim = VespaSim.start(options.host(), options.port(), options.schemas());
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "vespa-sim-shutdown"));
    log.info(
        "vespa-sim listening on http://{}:{} (HTTP/1.1 and h2c), document types {} from {}",
        options.host(),
        sim.port(),
        sim.doctypes(),
        options.schemas().toAbsolutePath().normalize());
  }

  /** Command-line options with their defaults. */
  record Options(String host, int port, Path schemas) {

    static Options parse(String[] args) {
      Map<String, String> values =
          new HashMap<>(
              Map.of("--host", "0.0.0.0", "--port", "8080", "--schemas", "infra/vespa/schemas"));
      for (int i = 0; i < args.length; i += 2) {
        if (!values.containsKey(args[i]) || i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "Usage: vespa-sim [--host H] [--port P] [--schemas DIR]; bad argument " + args[i]);
        }
        values.put(args[i], args[i + 1]);
      }
      Path schemas = Path.of(values.get("--schemas"));
      if (!Files.isDirectory(schemas)) {
        throw new IllegalArgumentException("No schema directory at " + schemas.toAbsolutePath());
      }
      return new Options(values.get("--host"), Integer.parseInt(values.get("--port")), schemas);
    }
  }
}
