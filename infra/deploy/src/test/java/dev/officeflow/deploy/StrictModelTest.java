package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict binding refuses what the Kubernetes API would refuse or silently drop. */
class StrictModelTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: user}
      spec:
        selector: {matchLabels: {app: user}}
        template:
          metadata: {labels: {app: user}}
          spec:
            containers:
              - name: user
                image: officeflow/user
                %s
      """;

  @Test
  void bindsAValidDeployment() {
    assertThat(bind("imagePullPolicy: Always")).isInstanceOf(Deployment.class);
  }

  @Test
  void refusesAFieldTheTypeDoesNotHave() {
    assertThatThrownBy(() -> bind("imagePullPolicyy: Always"))
        .hasMessageContaining("apps/v1/Deployment user")
        .hasMessageContaining(".spec.template.spec.containers[0].imagePullPolicyy");
  }

  @Test
  void refusesAValueOfTheWrongType() {
    assertThatThrownBy(() -> bind("ports: {containerPort: 8081}"))
        .hasMessageContaining("apps/v1/Deployment user");
  }

  @Test
  void refusesADuplicateKey() {
    assertThatThrownBy(
            () ->
                StrictModel.documents(
                    "apiVersion: v1\nkind: ConfigMap\nkind: ConfigMap\nmetadata: {name: x}\n"))
        .hasMessageContaining("Duplicate field 'kind'");
  }

  @Test
  void refusesAKindTheManifestsDoNotUse() {
    assertThatThrownBy(
            () ->
                StrictModel.bind(
                    StrictModel.documents("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n")
                        .get(0)))
        .hasMessageContaining("v1/Pod x: not a type these manifests may use");
  }

  @Test
  void keepsTheOverlaysCustomResourcesGeneric() {
    assertThat(
            StrictModel.bind(
                StrictModel.documents(
                        "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\n"
                            + "metadata: {name: x}\nspec: {refreshInterval: 1h}\n")
                    .get(0)))
        .isInstanceOf(GenericKubernetesResource.class);
  }

  private static Object bind(String containerField) {
    return StrictModel.bind(StrictModel.documents(DEPLOYMENT.formatted(containerField)).get(0));
  }
}
