package dev.officeflow.deploy;

import dev.officeflow.testsupport.AppRegistry;
import dev.officeflow.testsupport.AppRegistry.App;
import dev.officeflow.testsupport.AppRegistry.Kind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The registry's services (tools/apps.tsv, kind service), as the manifests name them. A service of
 * {@link #OPTIONAL} is deployed only where its component is added; the tests check it with the
 * component on ({@link Manifests#of}) and the default deployment without it.
 */
final class Services {

  static final AppRegistry REGISTRY = AppRegistry.load();

  /** Services a deployment runs only when it adds their component, and why. */
  static final Map<String, String> OPTIONAL =
      Map.of(
          "legacy-bridge",
          "only while the reference services run side by side (docs/MIGRATION.md): Terraform's"
              + " legacy group comes with it");

  /**
   * The components that switch the optional services on, relative to each kustomization that offers
   * them: the base's for any cluster, the GKE one (which includes it) for overlays/gke.
   */
  static final Map<String, List<String>> OPTIONAL_COMPONENTS =
      Map.of(
          "base", List.of("../components/legacy-bridge"),
          "overlays/gke", List.of("../../components/legacy-bridge-gke"));

  private Services() {}

  /** Every service, the optional ones included. */
  static List<App> all() {
    return REGISTRY.apps().stream().filter(app -> app.kind() == Kind.SERVICE).toList();
  }

  /** The services every deployment runs. */
  static List<App> always() {
    return all().stream().filter(app -> !OPTIONAL.containsKey(app.name())).toList();
  }

  /** The image of a module: {@code officeflow/<the module's last folder>}. */
  static String image(String module) {
    return "officeflow/" + Path.of(module).getFileName();
  }

  static Path module(App app) {
    return REGISTRY.root().resolve(app.module());
  }

  /** The Deployment's container of the service itself (sidecars are init containers). */
  static Container container(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    String name = deployment.getMetadata().getName();
    return containers.stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no container " + name));
  }
}
