package dev.officeflow.bench.contacts;

import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.AppRegistry;
import dev.officeflow.testsupport.Infrastructure;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /onboarding/vips} latency: starts the service's exec jar as a process of its own on a
 * filled database, waits until it is healthy, and runs {@code wrk} (another process) with {@code
 * vips.lua}, which sends at a constant rate and counts each latency from the request's intended
 * send time. This JVM only serves the token keys meanwhile.
 */
record VipLatency(
    String database,
    String prefix,
    Path serviceJar,
    List<String> serviceJavaOptions,
    Path wrkScript,
    int rate,
    int warmupSeconds,
    int seconds,
    int threads) {

  /** The service's GC log: its pauses stop every request. */
  static final Path GC_LOG = Path.of("target/service-gc.log");

  /**
   * The settings from system properties. The service's jar and JVM options are the registry's
   * (tools/apps.tsv), as ./dev up runs it, unless {@code bench.serviceJavaOpts} replaces the
   * options.
   */
  static VipLatency fromProperties(String database, String prefix) {
    AppRegistry registry = AppRegistry.load();
    AppRegistry.App contacts = registry.app("contacts");
    List<String> options =
        Arrays.stream(System.getProperty("bench.serviceJavaOpts", "").split("\\s+"))
            .filter(s -> !s.isBlank())
            .toList();
    return new VipLatency(
        database,
        prefix,
        registry.jar(contacts),
        options.isEmpty() ? contacts.jvmOptions() : options,
        Path.of(System.getProperty("bench.wrkScript", "vips.lua")),
        Integer.getInteger("bench.rate", 200),
        Integer.getInteger("bench.warmup", 20),
        Integer.getInteger("bench.seconds", 60),
        Integer.getInteger("bench.threads", 16));
  }

  /** Measures for {@code userId}; returns wrk's exit code. */
  int run(String userId, int contacts) throws Exception {
    try (TestJwks jwks = TestJwks.start()) {
      int port = freePort();
      long launched = System.nanoTime();
      Process service = startService(jwks, port);
      try {
        String url = "http://127.0.0.1:" + port;
        long startMillis = awaitHealthy(url, service);
        String token =
            jwks.token(userId, TestJwks.ISSUER, List.of(TestJwks.AUDIENCE), Duration.ofHours(2));
        HttpResponse<String> first = get(url + "/onboarding/vips?limit=50", token);
        System.out.printf(
            Locale.ROOT,
            "latency: service %s (pid %d, java %s) healthy in %d ms; user %s (%d contacts written);"
                + " first GET %d, %d bytes%n",
            serviceJar.getFileName(),
            service.pid(),
            String.join(" ", serviceJavaOptions),
            startMillis,
            userId,
            contacts,
            first.statusCode(),
            first.body().length());
        System.out.printf(
            Locale.ROOT,
            "latency: wrk starts %.0f s after the service was launched; the measured part %d s"
                + " later%n",
            (System.nanoTime() - launched) / 1e9,
            warmupSeconds + 1);
        int exit;
        try (MachineLoad load = new MachineLoad(service.pid(), warmupSeconds + 1)) {
          exit = wrk(url + "/onboarding/vips?limit=50", token);
        }
        System.out.printf(Locale.ROOT, "latency: service RSS after the run %s%n", rss(service));
        System.out.println("latency: " + GcPauses.summary(GC_LOG));
        return exit;
      } finally {
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
          service.destroyForcibly();
        }
      }
    }
  }

  private Process startService(TestJwks jwks, int port) throws IOException {
    String host = Infrastructure.postgresHost() + ":" + Infrastructure.postgresPort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(serviceJavaOptions);
    command.add("-Xlog:gc:file=" + GC_LOG);
    command.addAll(List.of("-jar", serviceJar.toString()));
    command.addAll(Arrays.asList(IsolatedCatalog.commandLine(prefix)));
    command.addAll(
        List.of(
            "--server.port=" + port,
            "--spring.r2dbc.url=r2dbc:postgresql://" + host + "/" + database,
            "--spring.r2dbc.username=" + Infrastructure.postgresUser(),
            "--spring.r2dbc.password=" + Infrastructure.postgresPassword(),
            "--spring.flyway.url=jdbc:postgresql://" + host + "/" + database,
            "--spring.flyway.user=" + Infrastructure.postgresUser(),
            "--spring.flyway.password=" + Infrastructure.postgresPassword(),
            "--officeflow.security.user-jwt.jwk-set-uri=" + jwks.uri(),
            "--logging.structured.format.console="));
    File log = new File("target/service.log");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log))
        .start();
  }

  private static long awaitHealthy(String url, Process service) throws Exception {
    long start = System.nanoTime();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build();
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service exited; see target/service.log");
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the service was not healthy in 120 s; see target/service.log");
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private int wrk(String url, String token) throws Exception {
    ProcessBuilder wrk =
        new ProcessBuilder(
                "wrk",
                "-t" + threads,
                "-c" + threads,
                "-d" + (warmupSeconds + seconds + 5) + "s",
                "--timeout",
                "10s",
                "-s",
                wrkScript.toString(),
                url)
            .inheritIO();
    wrk.environment().put("BENCH_TOKEN", token);
    wrk.environment().put("BENCH_RATE", Integer.toString(rate));
    wrk.environment().put("BENCH_WARMUP", Integer.toString(warmupSeconds));
    wrk.environment().put("BENCH_SECONDS", Integer.toString(seconds));
    wrk.environment().put("BENCH_THREADS", Integer.toString(threads));
    return wrk.start().waitFor();
  }

  private static String rss(Process service) throws IOException {
    Path status = Path.of("/proc", Long.toString(service.pid()), "status");
    if (!Files.exists(status)) {
      return "unknown";
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.substring("VmRSS:".length()).strip())
        .findFirst()
        .orElse("unknown");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
