package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deployment runs an optional service (the legacy bridge, only during a migration) only when it
 * adds that service's component: as checked in, no kustomization has any of its objects, and the
 * component adds its objects and changes nothing else but what the service needs of the
 * setup-pubsub check (the catalog's legacy group verified too).
 */
class OptionalServicesTest {

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void theDefaultDeploymentRunsNoOptionalService(String kustomization) {
    Manifests shipped = Manifests.asShipped(Manifests.DEPLOY.resolve(kustomization));
    for (String service : Services.OPTIONAL.keySet()) {
      assertThat(shipped.all())
          .as("infra/deploy/%s as checked in: objects of %s", kustomization, service)
          .noneMatch(object -> object.getMetadata().getName().startsWith(service));
    }
    assertThat(shipped.get(Job.class, "setup-pubsub").getSpec().getTemplate().getSpec())
        .satisfies(
            pod -> assertThat(pod.getContainers().get(0).getArgs()).containsExactly("--verify"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void theComponentAddsTheServicesObjectsAndChangesOnlyTheCatalogCheck(String kustomization) {
    Map<String, HasMetadata> shipped =
        byKey(Manifests.asShipped(Manifests.DEPLOY.resolve(kustomization)));
    Map<String, HasMetadata> withOptional =
        byKey(Manifests.of(Manifests.DEPLOY.resolve(kustomization)));

    Map<String, HasMetadata> added = new TreeMap<>(withOptional);
    added.keySet().removeAll(shipped.keySet());
    assertThat(shipped.keySet())
        .as("objects the component removes")
        .isSubsetOf(withOptional.keySet());
    assertThat(added.values())
        .as("objects the component adds")
        .isNotEmpty()
        .allMatch(
            object ->
                Services.OPTIONAL.keySet().stream()
                    .anyMatch(service -> object.getMetadata().getName().startsWith(service)));
    for (String service : Services.OPTIONAL.keySet()) {
      assertThat(added.keySet())
          .as("%s's objects", service)
          .contains(
              "Deployment/" + service,
              "Service/" + service,
              "ServiceAccount/" + service,
              "HorizontalPodAutoscaler/" + service,
              "PodDisruptionBudget/" + service);
    }
    shipped.forEach(
        (key, object) -> {
          if (!key.equals("Job/setup-pubsub")) {
            assertThat(withOptional.get(key)).as("%s with the component", key).isEqualTo(object);
          }
        });
    assertThat(
            ((Job) withOptional.get("Job/setup-pubsub"))
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .containsExactly("--verify", "--legacy");
  }

  private static Map<String, HasMetadata> byKey(Manifests manifests) {
    Map<String, HasMetadata> objects = new TreeMap<>();
    manifests.all().forEach(o -> objects.put(o.getKind() + "/" + o.getMetadata().getName(), o));
    return objects;
  }
}
