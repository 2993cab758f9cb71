package dev.officeflow.runtime.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request a service answers with an error: the HTTP status, a stable machine-readable {@code
 * code}, a sentence for people ({@code detail}), and extra members of the problem (e.g. {@code
 * missing_scopes}). Rendered as RFC 9457 problem details by {@link ProblemAdvice}. Messages never
 * carry a secret.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties;

  public ApiException(
      HttpStatus status, String code, String detail, Map<String, ? extends Object> properties) {
    super(detail);
    this.status = status;
    this.code = code;
    this.properties = Map.copyOf(properties);
  }

  public ApiException(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  /** 400 {@code invalid_request}: the request is readable but not acceptable. */
  public static ApiException invalid(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST, detail);
  }

  /** 404 {@code not_found}: what the request names does not exist (for its caller). */
  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Extra members of the problem body, in addition to the standard ones and {@code code}. */
  public Map<String, Object> properties() {
    return properties;
  }
}
