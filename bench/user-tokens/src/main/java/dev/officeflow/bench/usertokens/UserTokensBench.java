package dev.officeflow.bench.usertokens;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.testsupport.Latencies;
import dev.officeflow.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts google-sim in-process and the user service as a process, then measures: time to healthy,
 * connects per second (dev session, start, Google's authorize redirect, callback), and {@code
 * /internal/tokens/get} throughput and latency with the service's peak RSS during it.
 */
public final class UserTokensBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The bench calls the token API as the office would, with a token of its own. */
  private static final String SERVICE_TOKEN = "bench-office-token";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private UserTokensBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int users = Integer.parseInt(options.getOrDefault("users", "200"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
    System.out.println("load average before: " + loadAverage());
    try (GoogleSim google = GoogleSim.start(GoogleSimConfig.defaults().withPort(0))) {
      List<String> emails = accounts(google, users);
      try (ServiceProcess service =
          ServiceProcess.launch(
              "user",
              options.getOrDefault("java-opts", ""),
              Path.of("bench/user-tokens/target/user-service.log"),
              port ->
                  List.of(
                      "--officeflow.environment=local",
                      "--officeflow.security.callers.office=" + SERVICE_TOKEN,
                      "--officeflow.user.google.base-url=" + google.baseUrl(),
                      "--officeflow.user.google.redirect-uri=http://127.0.0.1:"
                          + port
                          + "/v1/integrations/google/callback"))) {
        Duration start = service.awaitHealthy(HTTP, Duration.ofSeconds(120));
        System.out.printf("start to healthy: %.2f s (target < 10 s)%n", start.toMillis() / 1000.0);
        System.out.printf("RSS after start: %d MB%n", service.rssKb() / 1024);
        List<String> userIds = connectAll(service, emails, Math.min(threads, 8));
        service.sampleMemory();
        serveTokens(service, userIds, threads, Duration.ofSeconds(seconds));
        System.out.printf(
            "peak RSS under token load: %d MB (target < 384 MB)%n", service.peakRssKb() / 1024);
        System.out.println("load average after: " + loadAverage());
      }
    }
  }

  private static List<String> accounts(GoogleSim google, int users) {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      String email = "bench-" + i + "@acme.test";
      google
          .admin()
          .createAccount(AccountSpec.of(email).withMailbox(new MailboxSpec(i, 0, 0, 0, 0)));
      emails.add(email);
    }
    return emails;
  }

  private static List<String> connectAll(ServiceProcess service, List<String> emails, int threads)
      throws Exception {
    Latencies latencies = new Latencies();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<String>> connects = new ArrayList<>();
    for (String email : emails) {
      connects.add(pool.submit(() -> timed(latencies, () -> connect(service, email))));
    }
    List<String> userIds = new ArrayList<>();
    for (Future<String> connect : connects) {
      userIds.add(connect.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf(
        "connects: %d in %.2f s = %.1f/s with %d threads; per connect %s%n",
        emails.size(), elapsed, emails.size() / elapsed, threads, latencies.summary());
    return userIds;
  }

  /** The frontend's and the browser's part of connecting Google; the user id. */
  private static String connect(ServiceProcess service, String email) throws Exception {
    JsonNode session =
        json(post(service.baseUrl() + "/v1/dev/session", "{\"email\":\"" + email + "\"}", null));
    String jwt = session.path("access_token").asString();
    HttpResponse<String> started =
        post(
            service.baseUrl() + "/v1/integrations/google/start",
            "{\"login_hint\":\"" + email + "\"}",
            jwt);
    String url = json(started).path("authorization_url").asString();
    String callback = location(get(url));
    // The callback completes only in the browser that started: its officeflow_oauth cookie.
    String cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    HttpResponse<String> done =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(callback)).header("Cookie", cookie).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (done.statusCode() != 302) {
      throw new IllegalStateException("connect failed for " + email);
    }
    return session.path("user_id").asString();
  }

  private static void serveTokens(
      ServiceProcess service, List<String> userIds, int threads, Duration length) throws Exception {
    Latencies latencies = new Latencies();
    AtomicLong errors = new AtomicLong();
    AtomicLong next = new AtomicLong();
    long deadline = System.nanoTime() + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < deadline) {
                  String user = userIds.get((int) (next.getAndIncrement() % userIds.size()));
                  long begin = System.nanoTime();
                  int status = token(service, user);
                  latencies.record(System.nanoTime() - begin);
                  if (status != 200) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    System.out.printf(
        "tokens/get: %d calls in %d s = %.0f/s with %d threads, %d errors; %s%n",
        latencies.count(),
        length.toSeconds(),
        latencies.count() / (double) length.toSeconds(),
        threads,
        errors.get(),
        latencies.summary());
  }

  private static int token(ServiceProcess service, String userId) throws Exception {
    String body = "{\"user_id\":\"" + userId + "\",\"provider\":\"google\"}";
    return post(service.baseUrl() + "/internal/tokens/get", body, SERVICE_TOKEN).statusCode();
  }

  private interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T timed(Latencies latencies, Call<T> call) throws Exception {
    long begin = System.nanoTime();
    T result = call.run();
    latencies.record(System.nanoTime() - begin);
    return result;
  }

  private static HttpResponse<String> post(String url, String json, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static JsonNode json(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The machine's 1/5/15-minute load: on a shared 2-core machine it explains slow runs. */
  private static String loadAverage() throws java.io.IOException {
    String[] parts =
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
    return parts[0] + " " + parts[1] + " " + parts[2] + " (2 cores)";
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
