package dev.officeflow.vespasim.search;

/**
 * A query Vespa would refuse or fail, with the error it would write: {@code code} and {@code
 * summary} as in Vespa's error list (3 "Illegal query", 4 "Invalid query parameter"), the message,
 * and the HTTP status of the response.
 */
public final class SearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String summary;
  private final int status;

  private SearchException(int code, String summary, int status, String message) {
    super(message);
    this.code = code;
    this.summary = summary;
    this.status = status;
  }

  /** Error 4, "Invalid query parameter", HTTP 400. */
  public static SearchException invalidParameter(String message) {
    return new SearchException(4, "Invalid query parameter", 400, message);
  }

  /** Error 3, "Illegal query", HTTP 400. */
  public static SearchException illegalQuery(String message) {
    return new SearchException(3, "Illegal query", 400, message);
  }

  public int code() {
    return code;
  }

  public String summary() {
    return summary;
  }

  public int status() {
    return status;
  }
}
