package dev.officeflow.graphsim.web;

/**
 * A Graph error a handler wants answered: thrown inside {@link GraphGuard#call}, or out of any
 * handler to the router, it becomes Graph's error body with this status and code (for example 404
 * {@code ErrorItemNotFound}, 410 {@code syncStateNotFound}).
 */
public final class GraphException extends RuntimeException {

  private final int status;
  private final String code;

  public GraphException(int status, String code, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a Graph error has a 4xx or 5xx status: " + status);
    }
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
