package dev.officeflow.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system {@code ./dev up} started: its apps' addresses (from the same environment variables
 * {@code tools/apps.sh} reads), processes (pid files), logs and a way to start what is stopped.
 */
final class SystemUnderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern OUTCOME = Pattern.compile("outcome=\"([a-z_]+)\"");
  // A frozen process (SIGSTOP) still accepts connections and never answers: no call waits forever.
  private static final Duration REQUEST = Duration.ofSeconds(60);
  private static final Pattern STARTED = Pattern.compile("process running for ([0-9.]+)");
  // The bench is an operator (consumer pause/resume, backfill reads): the first operator token the
  // services accept, as they read OFFICEFLOW_SECURITY_CALLERS_OPERATOR, else the local default.
  private static final String SERVICE_TOKEN =
      Optional.ofNullable(System.getenv("OFFICEFLOW_SECURITY_CALLERS_OPERATOR"))
          .map(tokens -> tokens.split(",")[0].trim())
          .filter(token -> !token.isEmpty())
          .orElse("local-dev-operator-token");

  private final Path root;
  private final Path state;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  SystemUnderTest(Path root, Path state) {
    this.root = root;
    this.state = state;
  }

  static String url(String portVariable) {
    return "http://127.0.0.1:" + System.getenv(portVariable);
  }

  long pid(String app) throws IOException {
    return Long.parseLong(Files.readString(state.resolve("apps/" + app + ".pid")).trim());
  }

  private ProcessHandle process(String app) throws IOException {
    return ProcessHandle.of(pid(app))
        .orElseThrow(() -> new IllegalStateException(app + " is not running"));
  }

  /** SIGTERM and wait: the runtime stops pulling and settles what it holds. */
  void stop(String app) throws IOException {
    ProcessHandle process = process(app);
    process.destroy();
    process.onExit().join();
  }

  /** {@code ./dev up} again: it reuses what runs and starts what does not. */
  void up() throws IOException, InterruptedException {
    Process up =
        new ProcessBuilder(root.resolve("dev").toString(), "up")
            .redirectErrorStream(true)
            .redirectOutput(state.resolveSibling(state.getFileName() + ".up-again.log").toFile())
            .start();
    if (up.waitFor() != 0) {
      throw new IllegalStateException("./dev up failed; see " + state + ".up-again.log");
    }
  }

  /** Stops the app's consumers; the backlog builds in Pub/Sub (the operator's control). */
  void pauseConsumers(String portVariable) throws IOException, InterruptedException {
    post(url(portVariable) + "/internal/consumers/pause", serviceCredential(), Map.of());
  }

  void resumeConsumers(String portVariable) throws IOException, InterruptedException {
    post(url(portVariable) + "/internal/consumers/resume", serviceCredential(), Map.of());
  }

  private static Map<String, String> serviceCredential() {
    return Map.of("Authorization", "Bearer " + SERVICE_TOKEN);
  }

  /** Resident memory in MiB, from /proc. */
  double rssMib(String app) throws IOException {
    return memoryMib(app, "VmRSS");
  }

  /** The peak resident memory since the process started, in MiB, from /proc. */
  double peakRssMib(String app) throws IOException {
    return memoryMib(app, "VmHWM");
  }

  private double memoryMib(String app, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid(app)), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no " + field + " for " + app);
  }

  /** Seconds from JVM start to "Started", as Spring Boot logs it; the last start in the log. */
  Optional<Double> startSeconds(String app) throws IOException {
    Double last = null;
    for (String line : Files.readAllLines(state.resolve("apps/" + app + ".log"))) {
      Matcher m = STARTED.matcher(line);
      if (m.find()) {
        last = Double.parseDouble(m.group(1));
      }
    }
    return Optional.ofNullable(last);
  }

  /** The sum of {@code officeflow_consumer_messages_total} over subscriptions on these topics. */
  long settled(String portVariable, List<String> topics) throws IOException, InterruptedException {
    return outcomes(portVariable, topics).values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code officeflow_consumer_messages_total} by outcome, over subscriptions on these topics. */
  Map<String, Long> outcomes(String portVariable, List<String> topics)
      throws IOException, InterruptedException {
    return outcomes(
        portVariable, line -> topics.stream().anyMatch(t -> line.contains("-" + t + "\"")));
  }

  /** {@code officeflow_consumer_messages_total} by outcome, over all the app's subscriptions. */
  Map<String, Long> outcomes(String portVariable) throws IOException, InterruptedException {
    return outcomes(portVariable, line -> true);
  }

  private Map<String, Long> outcomes(String portVariable, Predicate<String> subscription)
      throws IOException, InterruptedException {
    String body = get(url(portVariable) + "/actuator/prometheus", Map.of()).body();
    Map<String, Long> outcomes = new java.util.TreeMap<>();
    for (String line : body.split("\n")) {
      Matcher outcome = OUTCOME.matcher(line);
      if (line.startsWith("officeflow_consumer_messages_total{")
          && outcome.find()
          && subscription.test(line)) {
        long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        outcomes.merge(outcome.group(1), count, Long::sum);
      }
    }
    return outcomes;
  }

  /** The user's latest backfill job, as the office's internal API shows it. */
  Optional<JsonNode> job(String userId) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        get(
            url("OFFICE_PORT") + "/internal/backfill?user_id=" + userId,
            Map.of("Authorization", "Bearer " + SERVICE_TOKEN));
    JsonNode jobs = JSON.readTree(answer.body()).path("jobs");
    return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
  }

  /** Polls the user's latest job until it completes; a failed or cancelled job is an error. */
  JsonNode awaitJob(String userId, Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonNode> job = job(userId);
      String status = job.map(j -> j.path("status").asString()).orElse("");
      if (status.equals("completed")) {
        return job.get();
      }
      if (status.equals("failed") || status.equals("cancelled")) {
        throw new IllegalStateException("backfill of " + userId + " " + status + ": " + job.get());
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("backfill of " + userId + " did not finish in " + limit);
  }

  /** A connected user: id and a user JWT for the contacts API. */
  record Connected(String email, String userId, String token) {}

  /**
   * Creates a google-sim account generated from {@code seed} (same seed, same mailbox), then the
   * real OAuth connect, as the demo does it: dev login, start, google-sim's authorize redirect, the
   * callback with the cookie start set.
   */
  Connected connect(String email, int seed) throws IOException, InterruptedException {
    createAccount(email, seed);
    String user = url("USER_PORT");
    JsonNode session = post(user + "/v1/dev/session", Map.of(), Map.of("email", email));
    String token = session.path("access_token").asString();
    HttpResponse<String> started =
        send(
            user + "/v1/integrations/google/start",
            Map.of("Authorization", "Bearer " + token),
            Map.of("login_hint", email));
    JsonNode start = JSON.readTree(started.body());
    String callback = location(get(start.path("authorization_url").asString(), Map.of()));
    // The callback completes only in the browser that started: its officeflow_oauth cookie.
    HttpResponse<String> done = get(callback, Map.of("Cookie", cookie(started)));
    if (done.statusCode() != 302) {
      throw new IllegalStateException("callback for " + email + ": " + done.statusCode());
    }
    return new Connected(email, session.path("user_id").asString(), token);
  }

  /** 2,000 recent messages and 300 events in the window, plus some older ones. */
  void createAccount(String email, int seed) throws IOException, InterruptedException {
    post(
        url("GOOGLE_SIM_PORT") + "/sim/accounts",
        Map.of(),
        Map.of(
            "email", email,
            "seed", seed,
            "recentMessages", 2000,
            "olderMessages", 100,
            "events", 300,
            "olderEvents", 20));
  }

  /**
   * Raises google-sim's per-user quota to the office's pacing, which the run script raised ({@code
   * GMAIL_UNITS_PER_MINUTE}, {@code CALENDAR_REQUESTS_PER_MINUTE}): a backfill is then limited by
   * the system, not by Google.
   */
  void raiseQuotaToOfficePacing() throws IOException, InterruptedException {
    post(
        url("GOOGLE_SIM_PORT") + "/sim/quota",
        Map.of(),
        Map.of(
            "gmailUnitsPerMinute", Integer.parseInt(requiredEnv("GMAIL_UNITS_PER_MINUTE")),
            "calendarRequestsPerMinute",
                Integer.parseInt(requiredEnv("CALENDAR_REQUESTS_PER_MINUTE"))));
  }

  private static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run this through its run script");
    }
    return value;
  }

  /**
   * The user's live documents of one type in vespa-sim, visited page by page: tombstones (a
   * remembered delete, {@code deleted = true}) are selected away, as every reader of Vespa does.
   */
  long documents(String doctype, String userId) throws IOException, InterruptedException {
    long count = 0;
    String continuation = "";
    String live = URLEncoder.encode(doctype + ".deleted != true", StandardCharsets.UTF_8);
    do {
      String url =
          url("VESPA_PORT")
              + "/document/v1/officeflow/"
              + doctype
              + "/group/"
              + userId
              + "/?wantedDocumentCount=1024&selection="
              + live
              + (continuation.isEmpty() ? "" : "&continuation=" + continuation);
      JsonNode page = JSON.readTree(get(url, Map.of()).body());
      count += page.path("documents").size();
      continuation = page.path("continuation").asString("");
    } while (!continuation.isEmpty());
    return count;
  }

  /**
   * The user's top 100 VIP candidates as the API shows them, each as its display name, domain and
   * counts, sorted. Not by contact hash: hashes are keyed per user, so the same contact has another
   * hash in every user's data, and users with the same mailbox could never compare equal.
   */
  List<String> candidates(Connected user) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        get(
            url("CONTACTS_PORT") + "/onboarding/vips?limit=100",
            Map.of("Authorization", "Bearer " + user.token()));
    List<String> candidates = new java.util.ArrayList<>();
    for (JsonNode c : JSON.readTree(answer.body()).path("candidates")) {
      candidates.add(
          c.path("display_name").asString("")
              + " | "
              + c.path("domain").asString("")
              + " | "
              + c.path("counts"));
    }
    java.util.Collections.sort(candidates);
    return candidates;
  }

  /** Whether the app's health endpoint answers 200. */
  boolean healthy(String portVariable) {
    try {
      return get(url(portVariable) + "/actuator/health", Map.of()).statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is settled. */
  void kill9(String app) throws IOException {
    ProcessHandle process = process(app);
    process.destroyForcibly();
    process.onExit().join();
  }

  private static String location(HttpResponse<String> answer) {
    return answer
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("no redirect: " + answer.statusCode()));
  }

  HttpResponse<String> get(String url, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode post(String url, Map<String, String> headers, Object body)
      throws IOException, InterruptedException {
    return JSON.readTree(send(url, headers, body).body());
  }

  /** The cookie a response set, as a browser sends it back ({@code name=value}). */
  private static String cookie(HttpResponse<String> answer) {
    String set =
        answer
            .headers()
            .firstValue("Set-Cookie")
            .orElseThrow(() -> new IllegalStateException("no cookie: " + answer.statusCode()));
    return set.split(";", 2)[0];
  }

  private HttpResponse<String> send(String url, Map<String, String> headers, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          url + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer;
  }
}
