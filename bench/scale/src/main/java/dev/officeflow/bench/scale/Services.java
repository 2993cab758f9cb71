package dev.officeflow.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services under test, each from its jar in a process of its own: two office instances (same
 * database, Redis and subscriptions, as two replicas) and the contacts service. They run against
 * the bench's infrastructure (the environment {@code ./dev infra} wrote) under the local profile,
 * the office with google-sim as its Google and token source, its project limits set to google-sim's
 * through the agreed properties, and streaming off: the bench measures backfills, and the Gmail
 * watch each user's streaming starts with (100 units, about 7 % of what a 300-message backfill
 * costs) would charge the project budget after that user's backfill is over.
 */
final class Services implements AutoCloseable {

  private static final java.util.regex.Pattern OUTCOME =
      java.util.regex.Pattern.compile("outcome=\"([a-z_]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final List<AppProcess> offices;
  private final AppProcess contacts;

  private Services(List<AppProcess> offices, AppProcess contacts) {
    this.offices = List.copyOf(offices);
    this.contacts = contacts;
  }

  /** Starts them one after the other (JVMs starting together on 2 cores slow each other down). */
  static Services start(ScaleSettings settings, Simulator sim)
      throws IOException, InterruptedException {
    List<AppProcess> offices = new ArrayList<>();
    AppProcess contacts = null;
    try {
      for (String name : List.of("office-a", "office-b")) {
        offices.add(startOffice(name, settings, sim));
      }
      int port = AppProcess.freePort();
      contacts =
          AppProcess.start(
              "contacts",
              "contacts",
              port,
              List.of("--server.port=" + port, "--logging.level.root=WARN"),
              environment(Map.of("CONTACTS_PORT", Integer.toString(port))),
              settings.logs());
      return new Services(offices, contacts);
    } catch (IOException | InterruptedException | RuntimeException failed) {
      for (AppProcess office : offices) {
        office.close();
      }
      throw failed;
    }
  }

  private static AppProcess startOffice(String name, ScaleSettings settings, Simulator sim)
      throws IOException, InterruptedException {
    int port = AppProcess.freePort();
    Map<String, Integer> project = Simulator.projectLimits(settings);
    List<String> arguments =
        List.of(
            "--server.port=" + port,
            "--officeflow.office.backfill.instance-id=" + name,
            "--officeflow.office.streaming.gmail.enabled=false",
            "--officeflow.office.streaming.calendar.enabled=false",
            "--officeflow.office.streaming.contacts.enabled=false",
            "--officeflow.office.quota.gmail-project-units-per-minute=" + project.get("gmail"),
            "--officeflow.office.quota.calendar-project-requests-per-minute="
                + project.get("calendar"),
            "--officeflow.office.quota.people-project-requests-per-minute=" + project.get("people"),
            "--logging.level.root=WARN",
            "--logging.level.dev.officeflow.office.backfill.BackfillRunner=INFO");
    Map<String, String> extra = new HashMap<>();
    extra.put("OFFICE_PORT", Integer.toString(port));
    extra.put("GOOGLE_API_ROOT_URL", sim.rootUrl());
    extra.put("OFFICE_TOKEN_SOURCE", "google-sim");
    return AppProcess.start("office", name, port, arguments, environment(extra), settings.logs());
  }

  /** What ./dev up gives every app (tools/apps.sh), plus {@code extra}. */
  private static Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(extra);
    environment.put("OFFICEFLOW_ENVIRONMENT", "local");
    environment.put("MALLOC_ARENA_MAX", "2");
    return environment;
  }

  List<AppProcess> offices() {
    return offices;
  }

  List<AppProcess> all() {
    List<AppProcess> all = new ArrayList<>(offices);
    all.add(contacts);
    return all;
  }

  /** Runs each office instance logged as finished ("backfill run finished" lines), by instance. */
  Map<String, Long> runsFinished() {
    Map<String, Long> runs = new java.util.LinkedHashMap<>();
    offices.forEach(o -> runs.put(o.name(), o.logLines("backfill run finished")));
    return runs;
  }

  /**
   * Mail and calendar events the contacts service has settled so far, by outcome (its consumer
   * counter on {@code contacts-emails} and {@code contacts-calendars}: done, duplicate, retry,
   * ...); empty when it does not answer.
   */
  Map<String, Long> contactsOutcomes() {
    Map<String, Long> outcomes = new java.util.TreeMap<>();
    try {
      for (String line : prometheus(contacts).toList()) {
        java.util.regex.Matcher outcome = OUTCOME.matcher(line);
        if (line.startsWith("officeflow_consumer_messages_total{")
            && (line.contains("contacts-emails\"") || line.contains("contacts-calendars\""))
            && outcome.find()) {
          long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          outcomes.merge(outcome.group(1), count, Long::sum);
        }
      }
    } catch (IOException | InterruptedException unanswered) {
      outcomes.clear();
    }
    return outcomes;
  }

  /** The events {@link #contactsOutcomes} counts, every outcome together; -1 without an answer. */
  long contactsSettled() {
    Map<String, Long> outcomes = contactsOutcomes();
    return outcomes.isEmpty() ? -1 : outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  private static java.util.stream.Stream<String> prometheus(AppProcess app)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().lines();
  }

  /** Each office's Prometheus lines about quota (what it paced, waited or was refused). */
  Map<String, List<String>> quotaMetrics() {
    Map<String, List<String>> metrics = new java.util.LinkedHashMap<>();
    for (AppProcess office : offices) {
      try {
        metrics.put(
            office.name(),
            prometheus(office)
                .filter(l -> !l.startsWith("#"))
                .filter(l -> l.toLowerCase(Locale.ROOT).contains("quota"))
                .toList());
      } catch (IOException | InterruptedException e) {
        metrics.put(office.name(), List.of("(no answer: " + e + ")"));
      }
    }
    return metrics;
  }

  @Override
  public void close() throws InterruptedException {
    for (AppProcess app : all()) {
      app.close();
    }
  }
}
