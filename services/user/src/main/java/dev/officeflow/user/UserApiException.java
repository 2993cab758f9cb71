package dev.officeflow.user;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the user service answers with an error: the HTTP status, a stable machine-readable
 * {@code error} code, a sentence for people, and details (e.g. {@code missing_scopes}) that become
 * fields of the JSON body. Messages never contain a token.
 */
public final class UserApiException extends RuntimeException {

  private final HttpStatus status;
  private final String error;
  private final Map<String, Object> details;

  public UserApiException(
      HttpStatus status, String error, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.error = error;
    this.details = Map.copyOf(details);
  }

  public UserApiException(HttpStatus status, String error, String message) {
    this(status, error, message, Map.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String error() {
    return error;
  }

  public Map<String, Object> details() {
    return details;
  }
}
