package dev.officeflow.deploy;

import dev.officeflow.testsupport.AppRegistry;
import dev.officeflow.testsupport.AppRegistry.App;
import dev.officeflow.testsupport.AppRegistry.Kind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;

/** The registry's four services (tools/apps.tsv, kind service), as the manifests name them. */
final class Services {

  static final AppRegistry REGISTRY = AppRegistry.load();

  private Services() {}

  static List<App> all() {
    return REGISTRY.apps().stream().filter(app -> app.kind() == Kind.SERVICE).toList();
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
