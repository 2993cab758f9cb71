package dev.officeflow.vespaloader.search;

import dev.officeflow.runtime.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The search API's error codes. 400s name what was wrong with the request ({@code offending} lists
 * the rejected types); 502 and 503 say Vespa failed or could not be reached.
 */
public final class SearchProblems {

  /** {@code q} is missing, blank or too long. */
  public static final String INVALID_QUERY = "invalid_query";

  /** {@code types} names a type the API does not search. */
  public static final String INVALID_TYPES = "invalid_types";

  /** {@code limit} is not an integer within the accepted range. */
  public static final String INVALID_LIMIT = "invalid_limit";

  /** {@code cursor} was not issued for this user and query, or expired. */
  public static final String INVALID_CURSOR = "invalid_cursor";

  /** Vespa could not be reached or is overloaded: try again. */
  public static final String SEARCH_UNAVAILABLE = "search_unavailable";

  /** Vespa refused the query the service built: a bug here, not in the request. */
  public static final String SEARCH_FAILED = "search_failed";

  private SearchProblems() {}

  public static ApiException invalidQuery(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, INVALID_QUERY, detail);
  }

  public static ApiException invalidTypes(String detail, List<String> offending) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, INVALID_TYPES, detail, Map.of("offending", List.copyOf(offending)));
  }

  public static ApiException invalidLimit(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, INVALID_LIMIT, detail);
  }

  public static ApiException invalidCursor(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, INVALID_CURSOR, detail);
  }

  static ApiException unavailable(String detail) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, SEARCH_UNAVAILABLE, detail);
  }

  static ApiException failed(String detail) {
    return new ApiException(HttpStatus.BAD_GATEWAY, SEARCH_FAILED, detail);
  }
}
