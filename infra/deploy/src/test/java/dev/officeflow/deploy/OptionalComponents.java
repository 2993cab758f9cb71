package dev.officeflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A kustomization with the optional services' components added ({@link
 * Services#OPTIONAL_COMPONENTS}), as an operator adds them: written into a copy of infra/deploy,
 * since a component must be added where its kustomization's own resources are.
 */
final class OptionalComponents {

  private OptionalComponents() {}

  /** A fresh copy under the module's target/with-optional: the copy's kustomization folder. */
  static Path copy(String kustomization) {
    return addedTo(freshFolder(kustomization), kustomization);
  }

  /**
   * Copies infra/deploy's base, overlays and components into {@code target} and adds the optional
   * services' components to the copy of {@code kustomization} (as an operator adds them): the
   * copy's kustomization folder.
   */
  static Path addedTo(Path target, String kustomization) {
    try {
      for (String tree : List.of("base", "overlays", "components")) {
        copyTree(Manifests.DEPLOY.resolve(tree), target.resolve(tree));
      }
      Path copy = target.resolve(kustomization);
      StringBuilder components = new StringBuilder("\ncomponents:\n");
      Services.OPTIONAL_COMPONENTS
          .get(kustomization)
          .forEach(component -> components.append("  - ").append(component).append('\n'));
      Files.writeString(
          copy.resolve("kustomization.yaml"),
          components.toString(),
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty folder under the module's target/ for the copy of {@code kustomization}. */
  private static Path freshFolder(String kustomization) {
    Path folder =
        Manifests.DEPLOY.resolve("target/with-optional").resolve(kustomization.replace('/', '-'));
    try {
      if (Files.exists(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
