package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.testing.OtlpReceiver.ExportedSpan;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What an operator follows a request with (issue 18; ARCHITECTURE §9): the connect, backfill and
 * VIP flow is one trace, exported over OTLP by all four services, whose id is on their JSON log
 * lines; and the probes a deployment asks.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class OneTraceSystemIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static OfficeflowSystem system;
  private static SystemClient client;

  @BeforeAll
  static void start(OfficeflowSystem running) {
    system = running;
    client = new SystemClient(system);
  }

  @Test
  void theConnectBackfillVipFlowIsOneTraceAcrossTheFourServicesAndTheirLogLines() {
    String userId = client.connect(SystemAccounts.BEN);
    String traceId = traceOfTheConnection(userId);
    await("the backfill").atMost(PATIENCE).until(() -> completed(userId));
    await("VIP candidates").atMost(PATIENCE).until(() -> !candidates(SystemAccounts.BEN).isEmpty());
    String p = system.prefix();

    await("the trace in the OTLP receiver")
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(names("user", traceId))
                  .contains(p + "integrations publish", "POST /internal/tokens/get");
              assertThat(names("office", traceId))
                  .contains(
                      p + "office-integrations process", "backfill run", p + "emails publish");
              assertThat(names("contacts", traceId)).contains(p + "contacts-emails process");
              assertThat(names("vespa-loader", traceId))
                  .contains(p + "vespa-loader-emails process");
              // The run's token call crosses HTTP into the user service and stays in the trace.
              assertThat(parents("user", traceId, "POST /internal/tokens/get"))
                  .isNotEmpty()
                  .isSubsetOf(ids("office", traceId, "backfill run"));
            });
    await("the trace id on every service's log lines")
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(messages(system.user(), traceId)).contains("served traced request");
              assertThat(messages(system.office(), traceId))
                  .contains("handled delivery", "backfill step", "backfill run finished");
              assertThat(messages(system.contacts(), traceId)).contains("handled delivery");
              assertThat(messages(system.vespaLoader(), traceId)).contains("handled delivery");
            });
    await("the span log beside the export")
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              for (AppProcess service : system.services()) {
                assertThat(
                        service.spans().stream()
                            .filter(s -> s.traceId().equals(traceId))
                            .map(LoggedSpan::spanId))
                    .as(service.name())
                    .isNotEmpty()
                    .isSubsetOf(ids(service.name(), traceId, null));
              }
            });
    report(traceId);
  }

  @Test
  void livenessIsEachProcessAloneAndReadinessItsDependencies() {
    Map<String, List<String>> dependencies =
        Map.of(
            "user", List.of("pubSub", "r2dbc", "payloadStore", "redis"),
            "office", List.of("pubSub", "r2dbc", "payloadStore"),
            "contacts", List.of("pubSub", "r2dbc", "payloadStore"),
            "vespa-loader", List.of("pubSub", "payloadStore", "vespa"));
    for (AppProcess service : system.services()) {
      assertThat(components(service, "liveness"))
          .as(service.name())
          .containsExactly("livenessState");
      assertThat(components(service, "readiness"))
          .as(service.name())
          .contains("readinessState")
          .containsAll(dependencies.get(service.name()))
          .doesNotContain("livenessState");
    }
  }

  private static String traceOfTheConnection(String userId) {
    return await()
        .atMost(PATIENCE)
        .until(() -> created(userId), Optional::isPresent)
        .orElseThrow()
        .metadata()
        .traceId();
  }

  private static Optional<IntegrationEvent> created(String userId) {
    return client.integrationEvents(userId).stream()
        .filter(e -> e.operation() == Operation.CREATE)
        .findFirst();
  }

  /** The user's VIP candidates, as the VIP page asks for them with the user's JWT. */
  private static List<JsonNode> candidates(String email) {
    String jwt = client.session(email).path("access_token").asString();
    HttpResponse<String> response = Http.get(system.contacts().url("/onboarding/vips"), jwt);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).path("candidates").valueStream().toList();
  }

  private static boolean completed(String userId) {
    List<JsonNode> jobs = client.jobs(userId);
    return !jobs.isEmpty() && "completed".equals(jobs.get(0).path("status").asString());
  }

  private static List<String> names(String service, String traceId) {
    return spans(service, traceId).stream().map(ExportedSpan::name).toList();
  }

  private static List<String> parents(String service, String traceId, String name) {
    return spans(service, traceId).stream()
        .filter(s -> s.name().equals(name))
        .map(ExportedSpan::parentSpanId)
        .toList();
  }

  /** The ids of the service's spans of the trace named {@code name} (all when null). */
  private static List<String> ids(String service, String traceId, String name) {
    return spans(service, traceId).stream()
        .filter(s -> name == null || s.name().equals(name))
        .map(ExportedSpan::spanId)
        .toList();
  }

  private static List<ExportedSpan> spans(String service, String traceId) {
    return system.otlp().trace(traceId).stream().filter(s -> s.service().equals(service)).toList();
  }

  /** The messages of the process's log lines that carry the trace id (span lines aside). */
  private static List<String> messages(AppProcess process, String traceId) {
    return linesOf(process, traceId).stream().map(l -> l.path("message").asString()).toList();
  }

  private static List<JsonNode> linesOf(AppProcess process, String traceId) {
    return process.jsonLines().stream()
        .filter(line -> traceId.equals(line.path("trace_id").asString()))
        .filter(line -> !"span".equals(line.path("message").asString()))
        .toList();
  }

  private static List<String> components(AppProcess service, String probe) {
    HttpResponse<String> response = Http.get(service.url("/actuator/health/" + probe), null);
    assertThat(response.statusCode()).as(service.name() + " " + probe).isIn(200, 503);
    return Http.json(response).path("components").propertyNames().stream().toList();
  }

  /** What the acceptance of issue 18 asks to see, in the test's output. */
  private static void report(String traceId) {
    Map<String, Long> spans =
        system.otlp().trace(traceId).stream()
            .collect(
                Collectors.groupingBy(
                    ExportedSpan::service, LinkedHashMap::new, Collectors.counting()));
    Map<String, Map<String, Long>> lines = new LinkedHashMap<>();
    for (AppProcess service : system.services()) {
      lines.put(
          service.name(),
          linesOf(service, traceId).stream()
              .collect(
                  Collectors.groupingBy(
                      l -> l.path("message").asString(),
                      LinkedHashMap::new,
                      Collectors.counting())));
    }
    System.out.printf(
        "trace %s%n  exported spans per service: %s%n  log lines per service: %s%n",
        traceId, spans, lines);
  }
}
