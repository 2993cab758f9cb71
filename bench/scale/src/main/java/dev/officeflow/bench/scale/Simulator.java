package dev.officeflow.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * google-sim from its jar, configured by file ({@code --accounts}): every account the bench needs,
 * each a small generated mailbox (deterministic: seed by position), and the quota: Google's
 * per-user defaults (the sim's own) plus a per-project limit per API, {@code projectFactor} users'
 * worth. The project keys are the ones google-sim's "quota" object agreed on; a sim that does not
 * know them yet ignores them, and {@link #quota()} then shows none.
 */
final class Simulator implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Google's per-user defaults, which google-sim enforces unless told otherwise. */
  static final Map<String, Integer> PER_USER_DEFAULTS =
      Map.of(
          "gmailUnitsPerMinute", 6_000,
          "calendarRequestsPerMinute", 600,
          "peopleRequestsPerMinute", 90);

  private final AppProcess process;

  private Simulator(AppProcess process) {
    this.process = process;
  }

  static Simulator start(ScaleSettings settings) throws IOException, InterruptedException {
    Path config = settings.logs().resolve("google-sim.json");
    Files.createDirectories(settings.logs());
    Files.writeString(config, JSON.writeValueAsString(config(settings)));
    int port = AppProcess.freePort();
    List<String> arguments =
        List.of(
            "--port", Integer.toString(port), "--accounts", config.toString(), "--threads", "32");
    return new Simulator(
        AppProcess.start("google-sim", "google-sim", port, arguments, Map.of(), settings.logs()));
  }

  /** The project's limits, {@code projectFactor} users' worth of the per-user defaults. */
  static Map<String, Integer> projectLimits(ScaleSettings settings) {
    int factor = settings.projectFactor();
    return Map.of(
        "gmail", factor * PER_USER_DEFAULTS.get("gmailUnitsPerMinute"),
        "calendar", factor * PER_USER_DEFAULTS.get("calendarRequestsPerMinute"),
        "people", factor * PER_USER_DEFAULTS.get("peopleRequestsPerMinute"));
  }

  private static ObjectNode config(ScaleSettings settings) {
    ObjectNode file = JSON.createObjectNode();
    ArrayNode accounts = file.putArray("accounts");
    List<String> users = settings.allUsers();
    for (int i = 0; i < users.size(); i++) {
      ObjectNode account = accounts.addObject();
      account.put("email", users.get(i));
      account.put("seed", 1000 + i);
      account.put("recentMessages", settings.messages());
      account.put("olderMessages", 0);
      account.put("events", settings.events());
      account.put("olderEvents", 0);
    }
    Map<String, Integer> project = projectLimits(settings);
    ObjectNode quota = file.putObject("quota");
    PER_USER_DEFAULTS.forEach(quota::put);
    quota.put("projectGmailUnitsPerMinute", project.get("gmail"));
    quota.put("projectCalendarRequestsPerMinute", project.get("calendar"));
    quota.put("projectPeopleRequestsPerMinute", project.get("people"));
    return file;
  }

  /** google-sim's root URL, as the office's {@code GOOGLE_API_ROOT_URL}. */
  String rootUrl() {
    return process.baseUrl() + "/";
  }

  /** {@code GET /sim/quota}: the limits in force. */
  JsonNode quota() throws IOException, InterruptedException {
    return get("/sim/quota");
  }

  /** {@code GET /sim/stats}: counters since start. */
  JsonNode stats() throws IOException, InterruptedException {
    return get("/sim/stats");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode());
    }
    return JSON.readTree(answer.body());
  }

  double rssMib() {
    return process.rssMib();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
