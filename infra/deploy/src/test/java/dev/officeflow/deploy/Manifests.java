package dev.officeflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.officeflow.testsupport.AppRegistry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The objects a kustomization deploys: rendered by {@code kubectl kustomize} when kubectl is
 * installed, otherwise read from its files (its resources, ConfigMap generators and patches, merged
 * naively: no name hashes, namespace or replacements), and each bound strictly ({@link
 * StrictModel}). {@link #rendered()} says which.
 */
final class Manifests {

  static final Path ROOT = AppRegistry.load().root();
  static final Path DEPLOY = ROOT.resolve("infra/deploy");
  static final Path BASE = DEPLOY.resolve("base");
  static final Path GKE = DEPLOY.resolve("overlays/gke");

  private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path kustomization;
  private final boolean rendered;
  private final List<HasMetadata> objects;

  private Manifests(Path kustomization, boolean rendered, List<HasMetadata> objects) {
    this.kustomization = kustomization;
    this.rendered = rendered;
    this.objects = List.copyOf(objects);
  }

  static Manifests base() {
    return of(BASE);
  }

  static Manifests gke() {
    return of(GKE);
  }

  /**
   * What {@code dir} deploys with every optional service's component added ({@link
   * Services#OPTIONAL_COMPONENTS}), so that the tests check each service of the registry; rendered
   * from a copy of infra/deploy. A kustomization that offers none is read as it is.
   */
  static Manifests of(Path dir) {
    Path source = dir.toAbsolutePath().normalize();
    String relative = DEPLOY.relativize(source).toString().replace('\\', '/');
    if (!Services.OPTIONAL_COMPONENTS.containsKey(relative)) {
      return asShipped(source);
    }
    return CACHE.computeIfAbsent(
        "optional:" + source, key -> load(source, OptionalComponents.copy(relative)));
  }

  /** What {@code dir} deploys as it is checked in: without the optional services. */
  static Manifests asShipped(Path dir) {
    Path source = dir.toAbsolutePath().normalize();
    return CACHE.computeIfAbsent(source.toString(), key -> load(source, source));
  }

  /** Renders (or reads) {@code dir}, named as {@code source} in messages and by kustomization(). */
  private static Manifests load(Path source, Path dir) {
    Optional<Path> kubectl = kubectl();
    List<JsonNode> documents =
        kubectl.isPresent()
            ? StrictModel.documents(kustomize(kubectl.get(), dir))
            : new FileReader().read(dir);
    List<HasMetadata> objects = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (JsonNode document : documents) {
      try {
        objects.add(StrictModel.bind(document));
      } catch (IllegalArgumentException e) {
        refused.add(e.getMessage());
      }
    }
    if (!refused.isEmpty()) {
      throw new AssertionError(
          ROOT.relativize(source) + " does not parse strictly:\n  " + String.join("\n  ", refused));
    }
    return new Manifests(source, kubectl.isPresent(), objects);
  }

  /**
   * kubectl on the PATH, or where Debian and the usual installers put it; {@code
   * -Dofficeflow.deploy.kubectl=none} runs the tests as on a machine without it.
   */
  static Optional<Path> kubectl() {
    String chosen = System.getProperty("officeflow.deploy.kubectl", "");
    if (!chosen.isEmpty()) {
      return chosen.equals("none") ? Optional.empty() : Optional.of(Path.of(chosen));
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "kubectl"));
      }
    }
    candidates.add(Path.of("/usr/bin/kubectl"));
    candidates.add(Path.of("/usr/local/bin/kubectl"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** {@code kubectl kustomize dir}: what {@code kubectl apply -k dir} would apply. */
  static String kustomize(Path kubectl, Path dir) {
    return Processes.run(List.of(kubectl.toString(), "kustomize", dir.toString()), dir, 60)
        .orThrow("kubectl kustomize " + ROOT.relativize(dir));
  }

  Path kustomization() {
    return kustomization;
  }

  /** Whether kubectl rendered these; otherwise they were read from the files. */
  boolean rendered() {
    return rendered;
  }

  List<HasMetadata> all() {
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The custom resources of one kind (External Secrets, GKE's). */
  List<GenericKubernetesResource> custom(String kind) {
    return all(GenericKubernetesResource.class).stream()
        .filter(resource -> resource.getKind().equals(kind))
        .toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    ROOT.relativize(kustomization)
                        + " has no "
                        + type.getSimpleName()
                        + " "
                        + name));
  }

  /**
   * The ConfigMap a reference names: the generated name carries a hash suffix when kubectl rendered
   * it (both the reference and the object have it then).
   */
  Optional<ConfigMap> configMap(String name) {
    return find(ConfigMap.class, name);
  }

  /** Reads a kustomization's files when kubectl cannot render it. */
  private static final class FileReader {

    /** Kustomize's own inputs (settings for replacements), never applied. */
    private static final String LOCAL_CONFIG =
        "/metadata/annotations/config.kubernetes.io~1local-config";

    /** A strategic merge patch's directive on a list item ({@code $patch: delete}). */
    private static final String DIRECTIVE = "$patch";

    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();

    List<JsonNode> read(Path dir) {
      include(dir);
      return List.copyOf(objects.values());
    }

    private void include(Path dir) {
      JsonNode kustomization =
          StrictModel.documents(text(dir.resolve("kustomization.yaml"))).get(0);
      for (JsonNode resource : kustomization.path("resources")) {
        Path path = dir.resolve(resource.asText()).normalize();
        if (Files.isDirectory(path)) {
          include(path);
        } else {
          StrictModel.documents(text(path)).stream()
              .filter(doc -> !doc.at(LOCAL_CONFIG).asText().equals("true"))
              .forEach(doc -> objects.put(key(doc), (ObjectNode) doc));
        }
      }
      // A component's objects, generators and patches join before this kustomization's own.
      for (JsonNode component : kustomization.path("components")) {
        include(dir.resolve(component.asText()).normalize());
      }
      for (JsonNode generator : kustomization.path("configMapGenerator")) {
        ObjectNode map = JSON.createObjectNode();
        map.put("apiVersion", "v1").put("kind", "ConfigMap");
        map.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = map.putObject("data");
        for (JsonNode literal : generator.path("literals")) {
          String[] pair = literal.asText().split("=", 2);
          data.put(pair[0], pair[1]);
        }
        objects.merge(key(map), map, (old, added) -> (ObjectNode) merge(old, added));
      }
      for (JsonNode patch : kustomization.path("patches")) {
        for (JsonNode doc : StrictModel.documents(text(dir.resolve(patch.path("path").asText())))) {
          if (doc.isArray()) {
            String kind = patch.path("target").path("kind").asText();
            String name = patch.path("target").path("name").asText();
            objects.values().stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().matches(name))
                .forEach(o -> jsonPatch(o, (ArrayNode) doc));
          } else if (patch.has("target")) {
            // The target names the objects; the patch's own name is a placeholder.
            ObjectNode body = ((ObjectNode) doc).deepCopy();
            ((ObjectNode) body.path("metadata")).remove("name");
            String name = patch.path("target").path("name").asText();
            objects.values().stream()
                .filter(o -> o.path("kind").asText().equals(doc.path("kind").asText()))
                .filter(o -> o.path("metadata").path("name").asText().matches(name))
                .forEach(o -> merge(o, body));
          } else {
            ObjectNode target = objects.get(key(doc));
            if (target != null) {
              merge(target, doc);
            }
          }
        }
      }
    }

    /** The "add to the end of a list" operations the overlays use. */
    private static void jsonPatch(ObjectNode target, ArrayNode operations) {
      for (JsonNode op : operations) {
        String path = op.path("path").asText();
        if (op.path("op").asText().equals("add") && path.endsWith("/-")) {
          JsonNode list = target.at(path.substring(0, path.length() - 2));
          if (list instanceof ArrayNode array) {
            array.add(op.path("value").deepCopy());
          }
        }
      }
    }

    /**
     * Maps merged key by key; lists of named objects merged by name (an item with {@code $patch:
     * delete} removes its namesake), other lists replaced.
     */
    private static JsonNode merge(JsonNode target, JsonNode patch) {
      if (target instanceof ObjectNode object && patch.isObject()) {
        patch
            .fields()
            .forEachRemaining(
                field ->
                    object.set(
                        field.getKey(),
                        object.has(field.getKey())
                            ? merge(object.get(field.getKey()), field.getValue())
                            : field.getValue().deepCopy()));
        return object;
      }
      if (target instanceof ArrayNode array && patch.isArray()) {
        boolean named = Stream.of(array, patch).allMatch(Manifests.FileReader::allNamed);
        if (!named) {
          return patch.deepCopy();
        }
        for (JsonNode item : patch) {
          int same = -1;
          for (int i = 0; i < array.size(); i++) {
            if (array.get(i).path("name").equals(item.path("name"))) {
              same = i;
            }
          }
          if (item.path(DIRECTIVE).asText().equals("delete")) {
            // A strategic merge patch's "$patch: delete" removes the item of that name.
            if (same >= 0) {
              array.remove(same);
            }
          } else if (same < 0) {
            array.add(item.deepCopy());
          } else {
            merge(array.get(same), item);
          }
        }
        return array;
      }
      return patch.deepCopy();
    }

    private static boolean allNamed(JsonNode list) {
      for (JsonNode item : list) {
        if (!item.has("name")) {
          return false;
        }
      }
      return true;
    }

    private static String key(JsonNode doc) {
      return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finished process's exit code and output. */
  record Processes(int exit, String stdout, String stderr) {

    static Processes run(List<String> command, Path dir, int timeoutSeconds) {
      try {
        Path out = Files.createTempFile("deploy-test", ".out");
        Path err = Files.createTempFile("deploy-test", ".err");
        try {
          Process process =
              new ProcessBuilder(command)
                  .directory(dir.toFile())
                  .redirectOutput(out.toFile())
                  .redirectError(err.toFile())
                  .start();
          if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
          }
          return new Processes(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
          Files.deleteIfExists(out);
          Files.deleteIfExists(err);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    String orThrow(String what) {
      if (exit != 0) {
        throw new AssertionError(what + " failed (exit " + exit + "):\n" + stderr + stdout);
      }
      return stdout;
    }
  }
}
