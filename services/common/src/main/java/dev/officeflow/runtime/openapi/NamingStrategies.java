package dev.officeflow.runtime.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;

/**
 * The schemas' property names as the service writes them. springdoc's schemas come from
 * swagger-core, which introspects with a Jackson 2 mapper of its own and never sees the naming
 * strategy of the service's (Jackson 3) mapper: a snake_case service would be documented as
 * answering {@code accessToken} where it answers {@code access_token}.
 */
final class NamingStrategies {

  private NamingStrategies() {}

  /**
   * A model converter naming properties by {@code strategy}, the value of {@code
   * spring.jackson.property-naming-strategy} (a constant of {@code PropertyNamingStrategies}, such
   * as {@code SNAKE_CASE}), writing schemas for the document's OpenAPI version as springdoc's own
   * converter does.
   */
  static ModelConverter modelConverter(String strategy, boolean openapi31) {
    ObjectMapper mapper = Json.mapper().copy().setPropertyNamingStrategy(named(strategy));
    return new ModelResolver(mapper).openapi31(openapi31);
  }

  private static PropertyNamingStrategy named(String strategy) {
    try {
      return (PropertyNamingStrategy) PropertyNamingStrategies.class.getField(strategy).get(null);
    } catch (NoSuchFieldException | IllegalAccessException | ClassCastException e) {
      throw new IllegalArgumentException(
          "spring.jackson.property-naming-strategy="
              + strategy
              + " is not a constant of PropertyNamingStrategies; the OpenAPI document cannot"
              + " name properties as the service does",
          e);
    }
  }
}
