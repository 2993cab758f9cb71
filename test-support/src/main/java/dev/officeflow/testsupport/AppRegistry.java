package dev.officeflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The registry of every JVM officeflow starts, {@code tools/apps.tsv}, read as {@code ./dev up}
 * reads it (tools/registry.sh): each app's module, jar, port, health path and JVM options, so that
 * tests and benchmarks start an app exactly as {@code ./dev up} does. Immutable.
 */
public final class AppRegistry {

  /** Where the registry is, relative to the repository root. */
  public static final String FILE = "tools/apps.tsv";

  private static final int COLUMNS = 8;
  private static final String NONE = "-";

  private final Path root;
  private final Map<String, App> apps;

  private AppRegistry(Path root, Map<String, App> apps) {
    this.root = root;
    this.apps = apps;
  }

  /**
   * The registry of the repository around the working directory, with the JVM options the
   * environment's {@code OFFICEFLOW_APP_JVM_OPTS} and {@code OFFICEFLOW_SIM_JVM_OPTS} put in place
   * of the services' and the simulators'.
   */
  public static AppRegistry load() {
    return load(Path.of("").toAbsolutePath(), System.getenv());
  }

  static AppRegistry load(Path from, Map<String, String> environment) {
    Path root = repositoryRoot(from);
    try {
      return new AppRegistry(root, parse(Files.readAllLines(root.resolve(FILE)), environment));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot(Path from) {
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(FILE))) {
        return dir;
      }
    }
    throw new IllegalStateException("no " + FILE + " in " + from + " or a folder above it");
  }

  static Map<String, App> parse(List<String> lines, Map<String, String> environment) {
    Map<String, App> apps = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      App app = App.of(line.split("\t", COLUMNS), environment);
      apps.put(app.name(), app);
    }
    return apps;
  }

  /** The repository root the registry was found in. */
  public Path root() {
    return root;
  }

  /** Every app in the registry's order, which is the order {@code ./dev up} starts them in. */
  public List<App> apps() {
    return List.copyOf(apps.values());
  }

  /** The app called {@code name}; an {@link IllegalArgumentException} when there is none. */
  public App app(String name) {
    App app = apps.get(name);
    if (app == null) {
      throw new IllegalArgumentException("no app " + name + " in " + root.resolve(FILE));
    }
    return app;
  }

  /** The app's runnable jar: the first file its glob matches; it must have been built. */
  public Path jar(App app) {
    int slash = app.jar().lastIndexOf('/');
    Path dir = root.resolve(app.module()).resolve(app.jar().substring(0, Math.max(slash, 0)));
    PathMatcher matcher =
        FileSystems.getDefault().getPathMatcher("glob:" + app.jar().substring(slash + 1));
    try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      return files
          .filter(file -> matcher.matches(file.getFileName()))
          .sorted()
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no " + app.jar() + " in " + app.module() + ": build it (mvn package)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How to start {@code name} as {@code ./dev up} does, less its arguments: java, options, jar. */
  public List<String> javaCommand(String name) {
    return javaCommand(app(name));
  }

  /** How to start {@code app}, less its arguments: this JVM's java, the app's options, its jar. */
  public List<String> javaCommand(App app) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(app.jvmOptions());
    command.add("-jar");
    command.add(jar(app).toString());
    return command;
  }

  /** What an app is: a service, a simulator, or a benchmark's own JVM. */
  public enum Kind {
    /** One of the five services; {@code OFFICEFLOW_APP_JVM_OPTS} replaces its JVM options. */
    SERVICE("OFFICEFLOW_APP_JVM_OPTS"),
    /** google-sim, graph-sim or vespa-sim; {@code OFFICEFLOW_SIM_JVM_OPTS} replaces its options. */
    SIMULATOR("OFFICEFLOW_SIM_JVM_OPTS"),
    /** A benchmark's own JVM (bench/lib.sh): no jar, port or health path. */
    BENCH("");

    private final String override;

    Kind(String override) {
      this.override = override;
    }
  }

  /**
   * One line of the registry. A bench has no jar, port variable or health path (empty) and port 0.
   */
  public record App(
      String name,
      String module,
      String jar,
      String portVariable,
      int port,
      String healthPath,
      Kind kind,
      List<String> jvmOptions) {

    public App {
      jvmOptions = List.copyOf(jvmOptions);
    }

    static App of(String[] columns, Map<String, String> environment) {
      if (columns.length != COLUMNS || Arrays.asList(columns).contains("")) {
        throw new IllegalArgumentException(
            FILE
                + ": a line needs "
                + COLUMNS
                + " columns, each separated by one tab, '-' for none: "
                + String.join("\t", columns));
      }
      Kind kind = Kind.valueOf(columns[6].toUpperCase(Locale.ROOT));
      String options = environment.getOrDefault(kind.override, "");
      if (options.isBlank()) {
        options = columns[7];
      }
      return new App(
          columns[0],
          columns[1],
          orEmpty(columns[2]),
          orEmpty(columns[3]),
          columns[4].equals(NONE) ? 0 : Integer.parseInt(columns[4]),
          orEmpty(columns[5]),
          kind,
          List.of(options.trim().split("\\s+")));
    }

    /** This app with other JVM options, e.g. a benchmark's variant. */
    public App withJvmOptions(List<String> options) {
      if (options.isEmpty()) {
        throw new IllegalArgumentException(name + ": no JVM options");
      }
      return new App(name, module, jar, portVariable, port, healthPath, kind, options);
    }

    private static String orEmpty(String column) {
      return column.equals(NONE) ? "" : column;
    }

    /** The URL that answers 200 once the app listens on {@code port} and is ready. */
    public String healthUrl(int port) {
      return "http://127.0.0.1:" + port + healthPath;
    }
  }
}
