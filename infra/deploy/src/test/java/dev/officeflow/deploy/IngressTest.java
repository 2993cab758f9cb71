package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.AppRegistry.App;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Ingress exposes what the internet must reach and nothing else: the user service's sign-in,
 * OAuth callback and API ({@code /v1}), the unified search ({@code /v1/search}, vespa-loader), the
 * notifier's tickets and streams, contacts' onboarding API and VIP page, the office's provider
 * webhooks; never {@code /internal/**} nor {@code /actuator/**}. One origin: the VIP page calls
 * every API on its own host.
 */
class IngressTest {

  /** Every path prefix the Ingress may route, and to which service. */
  private static final Map<String, String> EXPOSED =
      Map.of(
          "/v1", "user",
          "/v1/search", "vespa-loader",
          "/v1/stream-tickets", "notifier",
          "/v1/stream", "notifier",
          "/onboarding", "contacts",
          "/vip", "contacts",
          "/webhooks", "office");

  /** Requests from the internet that must arrive, and where. */
  private static final Map<String, String> REACHABLE =
      Map.ofEntries(
          Map.entry("/v1/sessions/google", "user"),
          Map.entry("/v1/integrations/google/start", "user"),
          Map.entry("/v1/integrations/google/callback", "user"),
          Map.entry("/v1/me", "user"),
          // The page's search box and live updates: on user, they would answer 404 and the page
          // would neither find nor update anything.
          Map.entry("/v1/search", "vespa-loader"),
          Map.entry("/v1/stream-tickets", "notifier"),
          Map.entry("/v1/stream", "notifier"),
          // Whole segments: a path that only begins like a notifier's or search's stays the user's.
          Map.entry("/v1/searches", "user"),
          Map.entry("/v1/streams", "user"),
          Map.entry("/onboarding/vips/status", "contacts"),
          Map.entry("/vip/index.html", "contacts"),
          Map.entry("/webhooks/google/calendar", "office"));

  /** How long the load balancer lets one notifier stream run (its BackendConfig's timeoutSec). */
  private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

  /** Requests from the internet that must reach nothing. */
  private static final List<String> UNREACHABLE =
      List.of(
          "/",
          "/internal/tokens/get",
          "/internal/consumers",
          "/internal/backfill/start",
          "/actuator/health",
          "/actuator/prometheus",
          "/.well-known/jwks.json",
          "/v3/api-docs",
          "/v1x",
          "/vipx/index.html");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void routesOnlyThePublicPaths(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    Ingress ingress = ingress(manifests);
    assertThat(ingress.getSpec().getDefaultBackend()).as("a default backend").isNull();

    Map<String, String> routes = new LinkedHashMap<>();
    for (HTTPIngressPath path : paths(ingress)) {
      assertThat(path.getPathType()).as(path.getPath()).isEqualTo("Prefix");
      routes.put(path.getPath(), path.getBackend().getService().getName());
      Service service = manifests.get(Service.class, path.getBackend().getService().getName());
      assertThat(service.getSpec().getPorts())
          .extracting(port -> port.getName())
          .contains(path.getBackend().getService().getPort().getName());
    }
    assertThat(routes).isEqualTo(EXPOSED);
    REACHABLE.forEach(
        (request, service) ->
            assertThat(route(ingress, request)).as("GET %s", request).contains(service));
    for (String request : UNREACHABLE) {
      assertThat(route(ingress, request)).as("GET %s", request).isEmpty();
    }
    for (String prefix : routes.keySet()) {
      assertThat(prefix).doesNotStartWith("/internal").doesNotStartWith("/actuator");
    }
  }

  /**
   * No internal route any service declares is routed, and every public one reaches its service: all
   * of the user service's {@code /v1/**}, and each literal {@code /v1} path of another service (the
   * notifier's tickets and stream, vespa-loader's search); a pattern such as {@code /v1/**} in
   * another service's CORS or security setup names no route of its own.
   */
  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void theServicesOwnRoutesAreRoutedAsTheirPrefixSays(String kustomization) throws IOException {
    Ingress ingress = ingress(Manifests.of(Manifests.DEPLOY.resolve(kustomization)));
    Pattern literal = Pattern.compile("\"(/(?:internal|actuator|v1)(?:/[^\"]*)?)\"");
    for (App app : Services.all()) {
      Path sources = Services.module(app).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = literal.matcher(Files.readString(file));
          while (m.find()) {
            String request = m.group(1).replace("*", "x").replaceAll("\\{[^}]*}", "x");
            Optional<String> routed = route(ingress, request);
            if (request.startsWith("/v1") && app.name().equals("user")) {
              assertThat(routed).as("%s (%s)", request, file.getFileName()).contains("user");
            } else if (request.startsWith("/v1") && m.group(1).matches("[a-z0-9/-]+")) {
              assertThat(routed).as("%s (%s)", request, file.getFileName()).contains(app.name());
            } else if (!request.startsWith("/v1")) {
              assertThat(routed).as("%s (%s)", request, file.getFileName()).isEmpty();
            }
          }
        }
      }
    }
  }

  @Test
  void gkeServesItOnTheStaticAddressWithAManagedCertificateOverHttpsOnly() {
    Manifests manifests = Manifests.gke();
    Ingress ingress = ingress(manifests);
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("kubernetes.io/ingress.class", "gce")
        .containsEntry("kubernetes.io/ingress.global-static-ip-name", "officeflow")
        .containsEntry("networking.gke.io/managed-certificates", "officeflow")
        .containsEntry("kubernetes.io/ingress.allow-http", "false");
    GenericKubernetesResource certificate =
        manifests.custom("ManagedCertificate").stream()
            .filter(c -> c.getMetadata().getName().equals("officeflow"))
            .findFirst()
            .orElseThrow();
    assertThat(Generic.list(certificate, "spec", "domains").stream().map(String::valueOf).toList())
        .containsExactlyElementsOf(
            ingress.getSpec().getRules().stream().map(IngressRule::getHost).toList());
  }

  /** The load balancer checks each backend on the readiness group, on the service's port. */
  @Test
  void gkeHealthChecksEachBackendOnItsReadinessGroup() {
    Manifests manifests = Manifests.gke();
    Set<String> checked = new TreeSet<>();
    for (App app : Services.all()) {
      if (!EXPOSED.containsValue(app.name())) {
        continue;
      }
      checked.add(app.name());
      Service service = manifests.get(Service.class, app.name());
      assertThat(service.getMetadata().getAnnotations())
          .containsEntry("cloud.google.com/backend-config", "{\"default\": \"" + app.name() + "\"}")
          .containsEntry("cloud.google.com/neg", "{\"ingress\": true}");
      GenericKubernetesResource backend =
          manifests.custom("BackendConfig").stream()
              .filter(b -> b.getMetadata().getName().equals(app.name()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no BackendConfig " + app.name()));
      assertThat(Generic.text(backend, "spec", "healthCheck", "requestPath"))
          .isEqualTo(app.healthPath() + "/readiness");
      assertThat(Generic.text(backend, "spec", "healthCheck", "port"))
          .isEqualTo(String.valueOf(app.port()));
    }
    assertThat(checked).as("backends checked").isEqualTo(new TreeSet<>(EXPOSED.values()));
  }

  /**
   * A Server-Sent Events stream is one response that lasts: the notifier's backend lets it run an
   * hour (with the load balancer's default of 30 s every stream would end twice a minute, and each
   * page go back for a ticket). Every other backend keeps the default, so a stuck request does not
   * hold a connection for an hour.
   */
  @Test
  void gkeLetsOnlyTheNotifiersStreamsRunAnHour() {
    Map<String, String> timeouts = new TreeMap<>();
    for (GenericKubernetesResource backend : Manifests.gke().custom("BackendConfig")) {
      timeouts.put(
          backend.getMetadata().getName(),
          String.valueOf(Generic.text(backend, "spec", "timeoutSec")));
    }
    Map<String, String> expected = new TreeMap<>();
    new TreeSet<>(EXPOSED.values()).forEach(service -> expected.put(service, "null"));
    expected.put("notifier", String.valueOf(STREAM_TIMEOUT.toSeconds()));
    assertThat(timeouts).as("the BackendConfigs' timeoutSec").isEqualTo(expected);
  }

  private static Ingress ingress(Manifests manifests) {
    List<Ingress> ingresses = manifests.all(Ingress.class);
    assertThat(ingresses).as("Ingresses").hasSize(1);
    return ingresses.get(0);
  }

  private static List<HTTPIngressPath> paths(Ingress ingress) {
    List<HTTPIngressPath> paths = new ArrayList<>();
    for (IngressRule rule : ingress.getSpec().getRules()) {
      paths.addAll(rule.getHttp().getPaths());
    }
    return paths;
  }

  /** The service a request reaches: the longest matching Prefix path, by whole segments. */
  private static Optional<String> route(Ingress ingress, String request) {
    return paths(ingress).stream()
        .filter(p -> matches(p.getPath(), request))
        .max((a, b) -> Integer.compare(a.getPath().length(), b.getPath().length()))
        .map(p -> p.getBackend().getService().getName());
  }

  private static boolean matches(String prefix, String request) {
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return request.equals(trimmed) || request.startsWith(trimmed + "/");
  }
}
