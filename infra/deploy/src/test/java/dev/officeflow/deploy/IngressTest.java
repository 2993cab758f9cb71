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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Ingress exposes what the internet must reach and nothing else: the user service's sign-in,
 * OAuth callback and API ({@code /v1}), contacts' onboarding API and VIP page, the office's
 * provider webhooks; never {@code /internal/**} nor {@code /actuator/**}.
 */
class IngressTest {

  /** Every path prefix the Ingress may route, and to which service. */
  private static final Map<String, String> EXPOSED =
      Map.of(
          "/v1", "user",
          "/onboarding", "contacts",
          "/vip", "contacts",
          "/webhooks", "office");

  /** Requests from the internet that must arrive, and where. */
  private static final Map<String, String> REACHABLE =
      Map.of(
          "/v1/sessions/google", "user",
          "/v1/integrations/google/start", "user",
          "/v1/integrations/google/callback", "user",
          "/v1/me", "user",
          "/onboarding/vips/status", "contacts",
          "/vip/index.html", "contacts",
          "/webhooks/google/calendar", "office");

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

  /** No internal route any service declares, nor a public one of the user service, is missed. */
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
    for (App app : Services.all()) {
      if (!EXPOSED.containsValue(app.name())) {
        continue;
      }
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
