package dev.officeflow.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Reads the fields of a custom resource, which fabric8 keeps as nested maps. */
final class Generic {

  private Generic() {}

  /** The value at {@code path} (map keys, or list indexes as integers); null when absent. */
  static Object at(GenericKubernetesResource resource, Object... path) {
    Object value = resource.getAdditionalProperties();
    for (Object step : path) {
      if (value instanceof Map<?, ?> map) {
        value = map.get(step);
      } else if (value instanceof List<?> list && step instanceof Integer i && i < list.size()) {
        value = list.get(i);
      } else {
        return null;
      }
    }
    return value;
  }

  static String text(GenericKubernetesResource resource, Object... path) {
    Object value = at(resource, path);
    return value == null ? null : value.toString();
  }

  static List<?> list(GenericKubernetesResource resource, Object... path) {
    return at(resource, path) instanceof List<?> list ? list : List.of();
  }
}
