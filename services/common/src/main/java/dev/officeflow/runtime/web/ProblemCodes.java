package dev.officeflow.runtime.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The codes every service shares. A code is stable: clients branch on it, never on {@code detail}.
 * Services add their own (listed in SERVICES.md "Errors"); each code's problem {@code type} is
 * {@code urn:officeflow:problem:<code>}.
 */
public final class ProblemCodes {

  /** Unreadable, mistyped or unacceptable input (400). */
  public static final String INVALID_REQUEST = "invalid_request";

  /** No credential, or one that is not valid (401). */
  public static final String UNAUTHORIZED = "unauthorized";

  /** A valid credential that may not call this route (403). */
  public static final String FORBIDDEN = "forbidden";

  /** No such route or resource (404). */
  public static final String NOT_FOUND = "not_found";

  /** The route exists for other methods (405). */
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";

  /** The request conflicts with the resource's state (409). */
  public static final String CONFLICT = "conflict";

  /** The body is too large (413). */
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

  /** A media type the route cannot read or write (406, 415). */
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";

  /** A dependency is down or the service is pausing (503). */
  public static final String UNAVAILABLE = "unavailable";

  /** A failure of the service itself; details are only in its log (500). */
  public static final String INTERNAL_ERROR = "internal_error";

  private static final String TYPE_PREFIX = "urn:officeflow:problem:";

  private ProblemCodes() {}

  /** The problem {@code type} of a code. */
  public static URI type(String code) {
    return URI.create(TYPE_PREFIX + code);
  }

  /** The shared code of a status, for errors that carry no code of their own. */
  public static String forStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406, 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 503 -> UNAVAILABLE;
      default -> status.is4xxClientError() ? INVALID_REQUEST : INTERNAL_ERROR;
    };
  }
}
