package dev.officeflow.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds each manifest to its Kubernetes API type (fabric8's model) and refuses what the API would
 * not take: an unknown kind or apiVersion, a value of the wrong type, a duplicate key, and any
 * field the type does not have. fabric8's classes keep unknown fields aside (their {@code
 * additionalProperties}) instead of failing, so every object of the bound tree is walked for them.
 * Custom resources of the operators and GKE controllers the overlays use are not in fabric8's
 * model: they stay {@link GenericKubernetesResource}s, checked by the tests that read them.
 */
final class StrictModel {

  /** apiVersion/kind to its class. */
  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

  /** The custom resources the overlays may use: External Secrets and GKE's Ingress controller. */
  static final Set<String> CUSTOM =
      Set.of(
          "external-secrets.io/v1/SecretStore",
          "external-secrets.io/v1/ExternalSecret",
          "networking.gke.io/v1/ManagedCertificate",
          "cloud.google.com/v1/BackendConfig");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private StrictModel() {}

  /** Every document of a multi-document YAML stream, in order; empty documents are skipped. */
  static List<JsonNode> documents(String yaml) {
    // One tree per document: readValues would unwrap a document that is a list (a JSON patch).
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
      while (parser.nextToken() != null) {
        JsonNode node = YAML.readTree(parser);
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
          documents.add(node);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  /** The document bound to its type; an {@link IllegalArgumentException} naming what is wrong. */
  static HasMetadata bind(JsonNode document) {
    String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    String name = type + " " + document.path("metadata").path("name").asText("(no name)");
    Class<? extends HasMetadata> cls = TYPES.get(type);
    if (cls == null && !CUSTOM.contains(type)) {
      throw new IllegalArgumentException(
          name + ": not a type these manifests may use (" + TYPES.keySet() + ", " + CUSTOM + ")");
    }
    HasMetadata bound;
    try {
      Class<? extends HasMetadata> target = cls == null ? GenericKubernetesResource.class : cls;
      bound = JSON.treeToValue(document, target);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    if (cls != null) {
      List<String> unknown = new ArrayList<>();
      unknownFields(bound, "", unknown);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            name + ": fields the API does not have: " + String.join(", ", unknown));
      }
    }
    if (bound.getMetadata() == null || bound.getMetadata().getName() == null) {
      throw new IllegalArgumentException(type + ": no metadata.name");
    }
    return bound;
  }

  /** Every field of the bound tree that its class kept aside as unknown, by its path. */
  static void unknownFields(Object value, String path, List<String> unknown) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        unknownFields(list.get(i), path + "[" + i + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
      return;
    }
    if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(key -> unknown.add(path + "." + key));
        }
        continue;
      }
      String property =
          Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
      unknownFields(field, path + "." + property, unknown);
    }
  }
}
