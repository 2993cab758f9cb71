package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.testsupport.AppRegistry.App;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the GKE overlay adds to the base, and that its settings reach every place they're used. */
class GkeOverlayTest {

  /** Where Google's load balancers and health checkers connect from. */
  private static final List<String> LOAD_BALANCERS = List.of("130.211.0.0/22", "35.191.0.0/16");

  private static final String BACKLOG =
      "pubsub.googleapis.com|subscription|num_undelivered_messages";

  /**
   * The subscriptions a deployment with the legacy bridge has: the core's and the legacy group's
   * (the mirror's, {@code LEGACY_MIRROR}, is not deployed: the mirror is off).
   */
  private static final List<SubscriptionSpec> DEPLOYED =
      Stream.concat(
              Catalog.subscriptions().stream(),
              Catalog.subscriptions(Catalog.Group.LEGACY).stream())
          .toList();

  private final Manifests gke = Manifests.gke();
  private final Map<String, String> settings = settings(Manifests.GKE.resolve("settings.yaml"));

  /**
   * Every namespaced object is in the base's namespace, the overlay's own too: an object without
   * one goes to kubectl's current namespace, where a Service's BackendConfig, a Deployment's Secret
   * or the pods a NetworkPolicy guards are not.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyObjectIsInTheNamespace(boolean optional) {
    Manifests manifests = optional ? gke : Manifests.asShipped(Manifests.GKE);
    assumeTrue(manifests.rendered(), "kubectl is not installed: the namespace is set by kustomize");
    assertThat(manifests.all())
        .filteredOn(object -> !object.getKind().equals("Namespace"))
        .allSatisfy(
            object ->
                assertThat(object.getMetadata().getNamespace())
                    .as("%s %s's namespace", object.getKind(), object.getMetadata().getName())
                    .isEqualTo("officeflow"));
  }

  /** Each Kubernetes account acts as the Google account Terraform made for it. */
  @Test
  void everyServiceAccountActsAsItsGoogleAccount() {
    assumeTrue(gke.rendered(), "kubectl is not installed: the overlay's patches were not applied");
    List<ServiceAccount> accounts = gke.all(ServiceAccount.class);
    assertThat(accounts).extracting(a -> a.getMetadata().getName()).contains("setup-pubsub");
    for (ServiceAccount account : accounts) {
      String name = account.getMetadata().getName();
      assertThat(account.getMetadata().getAnnotations())
          .as("%s's workload identity", name)
          .containsEntry(
              "iam.gke.io/gcp-service-account",
              TerraformTest.accountId(name) + "@" + settings.get("serviceAccountDomain"));
    }
  }

  /**
   * On GKE the services prove who they are to each other with Google ID tokens of their workload
   * identities: every service has the same audience, so each can fetch a token the others accept;
   * none has a static credential (it would be sent instead of the ID token) nor accepts another
   * service's static token. The operator, a person or a tool and no workload, keeps its static
   * token, from Secret Manager.
   */
  @Test
  void servicesCallEachOtherWithIdTokensForOneAudience() {
    Map<String, String> audiences = new LinkedHashMap<>();
    for (App app : Services.all()) {
      Deployment deployment = gke.get(Deployment.class, app.name());
      Container container = Services.container(deployment);
      audiences.put(
          app.name(),
          DeploymentEnvironmentTest.values(gke, container)
              .getOrDefault(DeploymentEnvironmentTest.AUDIENCE, ""));
      assertThat(DeploymentEnvironmentTest.provided(gke, deployment))
          .as("%s's static service credentials", app.name())
          .filteredOn(
              name ->
                  name.equals(DeploymentEnvironmentTest.CREDENTIAL)
                      || name.startsWith(DeploymentEnvironmentTest.CALLERS))
          .containsExactly(DeploymentEnvironmentTest.CALLERS + "OPERATOR");
      assertThat(
              DeploymentEnvironmentTest.remoteKey(
                  gke, deployment, DeploymentEnvironmentTest.CALLERS + "OPERATOR"))
          .isEqualTo("officeflow-operator-token");
    }
    assertThat(audiences.values())
        .as("each service's %s", DeploymentEnvironmentTest.AUDIENCE)
        .allSatisfy(audience -> assertThat(audience).isNotBlank())
        .containsOnly(audiences.get("user"));
  }

  /**
   * The user service takes the office's workload identity, and nothing else, as the caller office:
   * the account the office's ServiceAccount acts as, officeflow-office at settings.yaml's domain
   * (Terraform's name for it).
   */
  @Test
  void theUserServiceAcceptsTheOfficesWorkloadIdentityAsTheOffice() {
    String office =
        DeploymentEnvironmentTest.workloadIdentity(gke, gke.get(Deployment.class, "office"));
    assertThat(office)
        .isEqualTo(TerraformTest.accountId("office") + "@" + settings.get("serviceAccountDomain"));
    Map<String, String> user =
        DeploymentEnvironmentTest.values(
            gke, Services.container(gke.get(Deployment.class, "user")));
    assertThat(user)
        .as("the user service's Google callers")
        .hasEntrySatisfying(
            DeploymentEnvironmentTest.GOOGLE_CALLERS + "OFFICE",
            accounts ->
                assertThat(DeploymentEnvironmentTest.emails(accounts)).containsExactly(office));
  }

  /**
   * Every Google account any service accepts, for whichever caller, is that caller's own workload
   * identity: a service of the registry whose ServiceAccount acts as exactly that account.
   */
  @Test
  void everyAcceptedGoogleAccountIsItsCallersWorkloadIdentity() {
    Map<String, String> identities = new LinkedHashMap<>();
    for (App app : Services.all()) {
      identities.put(
          DeploymentEnvironmentTest.callerKey(app.name()),
          DeploymentEnvironmentTest.workloadIdentity(gke, gke.get(Deployment.class, app.name())));
    }
    int accepted = 0;
    for (App app : Services.all()) {
      Map<String, String> values =
          DeploymentEnvironmentTest.values(
              gke, Services.container(gke.get(Deployment.class, app.name())));
      for (Map.Entry<String, String> entry : values.entrySet()) {
        if (entry.getKey().startsWith(DeploymentEnvironmentTest.GOOGLE_CALLERS)) {
          String caller =
              entry.getKey().substring(DeploymentEnvironmentTest.GOOGLE_CALLERS.length());
          assertThat(identities)
              .as("%s's %s names a service", app.name(), entry.getKey())
              .containsKey(caller);
          assertThat(DeploymentEnvironmentTest.emails(entry.getValue()))
              .as("%s's %s", app.name(), entry.getKey())
              .containsExactly(identities.get(caller));
          accepted++;
        }
      }
    }
    assertThat(accepted).as("Google callers accepted across the services").isPositive();
  }

  /** Consumers scale on the backlog of exactly their catalog subscriptions (Cloud Monitoring). */
  @Test
  void consumersScaleOnTheBacklogOfTheirCatalogSubscriptions() {
    for (App app : Services.all()) {
      HorizontalPodAutoscaler hpa = gke.get(HorizontalPodAutoscaler.class, app.name());
      List<String> subscriptions =
          hpa.getSpec().getMetrics().stream()
              .filter(metric -> metric.getType().equals("External"))
              .peek(GkeOverlayTest::assertBacklogMetric)
              .map(
                  metric ->
                      metric
                          .getExternal()
                          .getMetric()
                          .getSelector()
                          .getMatchLabels()
                          .get("resource.labels.subscription_id"))
              .toList();
      assertThat(subscriptions)
          .as("%s's HPA's Pub/Sub backlog metrics", app.name())
          .containsExactlyInAnyOrderElementsOf(
              Catalog.subscriptionsOf(app.name()).stream()
                  .filter(DEPLOYED::contains)
                  .map(SubscriptionSpec::name)
                  .toList());
    }
  }

  /** The services with a database reach Cloud SQL through the Auth Proxy sidecar, on loopback. */
  @Test
  void servicesWithADatabaseHaveTheCloudSqlProxySidecar() {
    for (App app : Services.all()) {
      boolean database =
          ServiceConfiguration.of(Services.module(app))
              .properties()
              .containsKey("spring.r2dbc.url");
      Deployment deployment = gke.get(Deployment.class, app.name());
      List<Container> sidecars = deployment.getSpec().getTemplate().getSpec().getInitContainers();
      if (!database) {
        assertThat(sidecars).as("%s's sidecars", app.name()).isEmpty();
        continue;
      }
      assertThat(sidecars)
          .as("%s's Cloud SQL Auth Proxy", app.name())
          .singleElement()
          .satisfies(
              proxy -> {
                assertThat(proxy.getName()).isEqualTo("cloud-sql-proxy");
                assertThat(proxy.getRestartPolicy()).isEqualTo("Always");
                assertThat(proxy.getStartupProbe()).isNotNull();
                assertThat(proxy.getArgs()).contains("--port=5432");
                if (gke.rendered()) {
                  assertThat(proxy.getArgs().get(0)).isEqualTo(settings.get("cloudSqlInstance"));
                }
              });
      assertThat(
              DeploymentEnvironmentTest.values(gke, Services.container(deployment))
                  .get("POSTGRES_HOST"))
          .isEqualTo("127.0.0.1");
    }
  }

  @Test
  void onlyTheNamespaceTheLoadBalancersAndPrometheusReachThePods() {
    NetworkPolicy policy = gke.get(NetworkPolicy.class, "officeflow");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(3);
  }

  /**
   * Google's load balancers and health checkers may connect to every pod the Ingress sends to, on
   * the port its Service targets: without it the NetworkPolicy would drop the Ingress's requests to
   * a backend (the notifier's streams, the search) and the health check would mark it down.
   */
  @Test
  void theLoadBalancersReachEveryIngressBackendOnItsServingPort() {
    NetworkPolicy policy = gke.get(NetworkPolicy.class, "officeflow");
    Set<String> backends = new TreeSet<>();
    for (Ingress ingress : gke.all(Ingress.class)) {
      for (IngressRule rule : ingress.getSpec().getRules()) {
        rule.getHttp().getPaths().forEach(p -> backends.add(p.getBackend().getService().getName()));
      }
    }
    assertThat(backends).contains("notifier", "vespa-loader", "user", "contacts", "office");
    for (String backend : backends) {
      Service service = gke.get(Service.class, backend);
      Deployment deployment = gke.get(Deployment.class, backend);
      assertThat(selects(policy.getSpec().getPodSelector(), deployment))
          .as("the NetworkPolicy selects %s's pods", backend)
          .isTrue();
      for (ServicePort port : service.getSpec().getPorts()) {
        assertThat(policy.getSpec().getIngress())
            .as("a rule lets the load balancers reach %s on %s", backend, port.getTargetPort())
            .anySatisfy(
                rule -> {
                  assertThat(rule.getFrom())
                      .extracting(
                          peer -> peer.getIpBlock() == null ? null : peer.getIpBlock().getCidr())
                      .containsAll(LOAD_BALANCERS);
                  assertThat(allows(rule, port.getTargetPort(), deployment)).isTrue();
                });
      }
    }
  }

  /** settings.yaml's values are consistent with each other and with Terraform's names. */
  @Test
  void settingsAreConsistent() {
    String project = settings.get("project");
    String region = settings.get("region");
    assertThat(settings.get("serviceAccountDomain"))
        .isEqualTo(project + ".iam.gserviceaccount.com");
    assertThat(settings.get("registry"))
        .isEqualTo(region + "-docker.pkg.dev/" + project + "/officeflow");
    assertThat(settings.get("cloudSqlInstance")).isEqualTo(project + ":" + region + ":officeflow");
  }

  /** Terraform's output kustomize_settings writes settings.yaml with the same keys. */
  @Test
  void terraformWritesTheSameSettings() {
    String outputs = Manifests.text(Manifests.DEPLOY.resolve("terraform/outputs.tf"));
    Matcher heredoc =
        Pattern.compile("(?s)output \"kustomize_settings\".*?<<-EOT\n(.*?)\n\\s*EOT")
            .matcher(outputs);
    assertThat(heredoc.find()).as("outputs.tf's kustomize_settings").isTrue();
    String yaml = heredoc.group(1).replaceAll("\\$\\{[^}]+}", "x").stripIndent();
    Map<String, String> fromTerraform = settings(StrictModel.documents(yaml).get(0));
    assertThat(fromTerraform.keySet()).containsExactlyElementsOf(settings.keySet());
  }

  /** Every value of settings.yaml reaches the rendered manifests, and none of the old remains. */
  @Test
  void everySettingReachesTheManifests(@TempDir Path copy) throws IOException {
    assumeTrue(Manifests.kubectl().isPresent(), "kubectl is not installed: replacements not run");
    // With the optional services' components: the settings reach the legacy bridge too.
    Path overlay = OptionalComponents.addedTo(copy, "overlays/gke");
    Map<String, String> changed = new LinkedHashMap<>();
    changed.put("project", "acme-4242");
    changed.put("serviceAccountDomain", "acme-4242.iam.gserviceaccount.com");
    changed.put("region", "us-east4");
    changed.put("cluster", "cluster-9");
    changed.put("registry", "us-east4-docker.pkg.dev/acme-4242/officeflow");
    changed.put("imageTag", "9.8.7");
    changed.put("cloudSqlInstance", "acme-4242:us-east4:officeflow");
    changed.put("host", "mail.acme.test");
    changed.put("vespaEndpoint", "http://vespa.search:8080/");
    changed.put("vespaQueryEndpoint", "http://vespa-query.search:8080/");
    assertThat(changed.keySet()).containsExactlyInAnyOrderElementsOf(settings.keySet());
    Path file = overlay.resolve("settings.yaml");
    String text = Files.readString(file);
    for (Map.Entry<String, String> entry : changed.entrySet()) {
      text =
          text.replaceFirst(
              "(?m)^(  " + entry.getKey() + ": ).*$",
              "$1" + Matcher.quoteReplacement(entry.getValue()));
    }
    Files.writeString(file, text);

    String rendered = Manifests.kustomize(Manifests.kubectl().get(), overlay);

    changed.forEach(
        (key, value) ->
            assertThat(rendered).as("settings' %s in the manifests", key).contains(value));
    for (String key :
        List.of(
            "project",
            "region",
            "host",
            "registry",
            "cloudSqlInstance",
            "vespaEndpoint",
            "vespaQueryEndpoint")) {
      assertThat(rendered)
          .as("the old %s left in the manifests", key)
          .doesNotContain(settings.get(key));
    }
    assertThat(rendered).doesNotContain("REGISTRY").doesNotContain(":TAG");
  }

  /** Whether a pod selector (labels only) selects the Deployment's pods. */
  private static boolean selects(LabelSelector selector, Deployment deployment) {
    assertThat(selector.getMatchExpressions()).isNullOrEmpty();
    Map<String, String> wanted =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    return deployment
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getLabels()
        .entrySet()
        .containsAll(wanted.entrySet());
  }

  /** Whether a rule lets through the Service's target port (by name or number; no ports: all). */
  private static boolean allows(
      NetworkPolicyIngressRule rule, IntOrString target, Deployment deployment) {
    if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
      return true;
    }
    Integer number = target.getIntVal();
    if (number == null) {
      number =
          Services.container(deployment).getPorts().stream()
              .filter(p -> target.getStrVal().equals(p.getName()))
              .map(ContainerPort::getContainerPort)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no container port " + target.getStrVal()));
    }
    for (NetworkPolicyPort allowed : rule.getPorts()) {
      IntOrString port = allowed.getPort();
      if (port == null
          || number.equals(port.getIntVal())
          || (target.getStrVal() != null && target.getStrVal().equals(port.getStrVal()))) {
        return true;
      }
    }
    return false;
  }

  private static void assertBacklogMetric(MetricSpec metric) {
    assertThat(metric.getExternal().getMetric().getName()).isEqualTo(BACKLOG);
    assertThat(metric.getExternal().getTarget().getType()).isEqualTo("AverageValue");
  }

  static Map<String, String> settings(Path file) {
    return settings(StrictModel.documents(Manifests.text(file)).get(0));
  }

  private static Map<String, String> settings(JsonNode document) {
    Map<String, String> values = new LinkedHashMap<>();
    document
        .path("data")
        .fields()
        .forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
    return values;
  }
}
