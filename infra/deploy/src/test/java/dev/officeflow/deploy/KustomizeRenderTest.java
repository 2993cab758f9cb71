package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kustomization renders with {@code kubectl kustomize} (no cluster needed), as checked in and
 * with the optional services' components added, and what it renders binds strictly to the
 * Kubernetes API types ({@link StrictModel}). Without kubectl only the rendering is skipped: the
 * other tests then read the files ({@link Manifests}).
 */
class KustomizeRenderTest {

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void rendersAndParsesStrictly(String kustomization) {
    Optional<Path> kubectl = Manifests.kubectl();
    assumeTrue(
        kubectl.isPresent(),
        "kubectl is not installed: infra/deploy/"
            + kustomization
            + " was not rendered (the"
            + " other tests read its files instead)");
    Path dir = Manifests.DEPLOY.resolve(kustomization);

    String yaml = Manifests.kustomize(kubectl.get(), dir);
    Manifests manifests = Manifests.asShipped(dir);
    Manifests withOptional = Manifests.of(dir);

    assertThat(manifests.rendered()).isTrue();
    assertThat(manifests.all()).hasSize(StrictModel.documents(yaml).size());
    assertThat(withOptional.rendered()).isTrue();
    assertThat(withOptional.all().size()).isGreaterThan(manifests.all().size());
    List<String> kinds =
        manifests.all().stream().map(o -> o.getKind()).distinct().sorted().toList();
    System.out.printf(
        "kubectl kustomize infra/deploy/%s: %d objects, %d bytes (%s); %d with the optional"
            + " services' components (%s)%n",
        kustomization,
        manifests.all().size(),
        yaml.length(),
        String.join(", ", kinds),
        withOptional.all().size(),
        String.join(", ", Services.OPTIONAL_COMPONENTS.get(kustomization)));
  }
}
