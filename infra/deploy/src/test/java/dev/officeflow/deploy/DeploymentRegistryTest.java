package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.AppRegistry.App;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests run what the registry (tools/apps.tsv) says each service is: the image of its
 * module, its port, its health groups, its JVM options; and each has what running it safely takes:
 * its own service account, an autoscaler, a disruption budget, memory bounds.
 */
class DeploymentRegistryTest {

  private static final String SETUP_PUBSUB_MODULE = "setup-pubsub";

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void eachServiceRunsTheImageOfItsModuleOnItsPort(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    for (App app : Services.all()) {
      Deployment deployment = manifests.get(Deployment.class, app.name());
      Container container = Services.container(deployment);

      assertImage(manifests, container.getImage(), app.module(), app.name());
      assertThat(container.getPorts())
          .as("%s's container ports", app.name())
          .anySatisfy(
              port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(app.port());
              });
      Service service = manifests.get(Service.class, app.name());
      assertThat(service.getSpec().getPorts())
          .as("%s's Service ports", app.name())
          .singleElement()
          .satisfies(
              port -> {
                assertThat(port.getPort()).isEqualTo(app.port());
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
              });
      assertThat(service.getSpec().getSelector())
          .as("%s's Service selects its pods", app.name())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void probesAskTheHealthGroupsOfTheRegistrysHealthPath(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    for (App app : Services.all()) {
      Container container = Services.container(manifests.get(Deployment.class, app.name()));
      assertProbe(app, "startupProbe", container.getStartupProbe(), "/liveness");
      assertProbe(app, "livenessProbe", container.getLivenessProbe(), "/liveness");
      assertProbe(app, "readinessProbe", container.getReadinessProbe(), "/readiness");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void eachServiceHasItsAccountAutoscalerDisruptionBudgetAndMemoryBounds(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    for (App app : Services.all()) {
      Deployment deployment = manifests.get(Deployment.class, app.name());
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      assertThat(pod.getServiceAccountName()).isEqualTo(app.name());
      manifests.get(ServiceAccount.class, app.name());
      assertThat(deployment.getSpec().getReplicas())
          .as("%s: the autoscaler owns the replicas", app.name())
          .isNull();

      HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, app.name());
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(app.name());
      assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
      assertThat(hpa.getSpec().getMetrics())
          .as("%s scales on CPU", app.name())
          .anySatisfy(
              metric -> {
                assertThat(metric.getType()).isEqualTo("Resource");
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
              });

      PodDisruptionBudget pdb = manifests.get(PodDisruptionBudget.class, app.name());
      assertThat(pdb.getSpec().getSelector().getMatchLabels())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

      Container container = Services.container(deployment);
      Quantity request = container.getResources().getRequests().get("memory");
      Quantity limit = container.getResources().getLimits().get("memory");
      assertThat(Quantity.getAmountInBytes(request))
          .as("%s's memory request: above the heap's 256 MB", app.name())
          .isGreaterThan(Quantity.getAmountInBytes(new Quantity("256Mi")));
      assertThat(Quantity.getAmountInBytes(limit))
          .as("%s's memory limit: above its request", app.name())
          .isGreaterThan(Quantity.getAmountInBytes(request));
      assertThat(container.getResources().getRequests()).containsKey("cpu");
    }
  }

  /** The RSS the memory bounds come from was measured with the registry's JVM options. */
  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void servicesRunWithTheRegistrysJvmOptions(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    boolean overridden = !System.getenv().getOrDefault("OFFICEFLOW_APP_JVM_OPTS", "").isBlank();
    for (App app : Services.all()) {
      Container container = Services.container(manifests.get(Deployment.class, app.name()));
      String options =
          container.getEnvFrom().stream()
              .map(EnvFromSource::getConfigMapRef)
              .filter(Objects::nonNull)
              .map(ref -> manifests.configMap(ref.getName()).map(ConfigMap::getData))
              .flatMap(java.util.Optional::stream)
              .map(data -> data.get("JDK_JAVA_OPTIONS"))
              .filter(Objects::nonNull)
              .findFirst()
              .orElseThrow(() -> new AssertionError(app.name() + ": no JDK_JAVA_OPTIONS"));
      if (overridden) {
        System.out.println("OFFICEFLOW_APP_JVM_OPTS is set: JDK_JAVA_OPTIONS not compared");
      } else {
        assertThat(List.of(options.trim().split("\\s+")))
            .as("%s's JDK_JAVA_OPTIONS against tools/apps.tsv", app.name())
            .isEqualTo(app.jvmOptions());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void theSetupPubsubJobVerifiesTheCatalogWithItsOwnAccount(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    Job job = manifests.get(Job.class, "setup-pubsub");
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertImage(manifests, container.getImage(), SETUP_PUBSUB_MODULE, "setup-pubsub");
    assertThat(container.getArgs()).contains("--verify");
    assertThat(container.getEnv())
        .extracting(env -> env.getName())
        .contains("PUBSUB_PROJECT_ID")
        .doesNotContain("PUBSUB_EMULATOR_HOST");
    assertThat(pod.getServiceAccountName()).isEqualTo("setup-pubsub");
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    manifests.get(ServiceAccount.class, "setup-pubsub");
  }

  /** The base names the module's image; an overlay's is qualified by its registry and tagged. */
  private static void assertImage(Manifests manifests, String image, String module, String app) {
    String local = Services.image(module);
    if (manifests.kustomization().equals(Manifests.BASE) || !manifests.rendered()) {
      assertThat(image).as("%s's image", app).isEqualTo(local);
    } else {
      assertThat(image)
          .as("%s's image", app)
          .matches(
              "[a-z0-9.-]+(/[a-z0-9._-]+)*/" + local.substring(local.indexOf('/') + 1) + ":.+");
    }
  }

  private static void assertProbe(App app, String which, Probe probe, String group) {
    assertThat(probe).as("%s's %s", app.name(), which).isNotNull();
    assertThat(probe.getHttpGet().getPath())
        .as("%s's %s", app.name(), which)
        .isEqualTo(app.healthPath() + group);
    assertThat(probe.getHttpGet().getPort().getStrVal())
        .as("%s's %s port", app.name(), which)
        .isEqualTo("http");
  }
}
