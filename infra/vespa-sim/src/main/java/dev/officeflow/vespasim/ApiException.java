package dev.officeflow.vespasim;

/** A request Vespa would refuse; carries the HTTP status and the message sent to the client. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String path) {
    return new ApiException(404, "Nothing at '" + path + "'");
  }

  static ApiException methodNotAllowed(String method, String path) {
    return new ApiException(405, "'" + method + "' not allowed at '" + path + "'");
  }

  int status() {
    return status;
  }
}
