package dev.officeflow.vespasim;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code /document/v1} request, detached from HTTP.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param params query parameters (the first value of each)
 * @param body the request body, empty when there is none
 */
record ApiRequest(String method, String rawPath, Map<String, String> params, String body) {

  ApiRequest {
    params = Map.copyOf(params);
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name)).filter(value -> !value.isBlank());
  }

  boolean flag(String name) {
    return param(name).map("true"::equalsIgnoreCase).orElse(false);
  }
}
