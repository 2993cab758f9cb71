package dev.officeflow.googlesim.web;

import dev.officeflow.simkit.web.ErrorStyle;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's JSON error bodies, as the official clients parse them into GoogleJsonError: the older
 * style with an {@code errors[]} list (Gmail, Calendar) and the newer one with a {@code status} and
 * {@code details} holding a {@code google.rpc.ErrorInfo} (People). {@link #STYLE} is the router's
 * error style: it picks the API's body style by the path.
 */
public final class GoogleErrors implements ErrorStyle {

  /** The router's errors, in the style of the API the path belongs to. */
  public static final GoogleErrors STYLE = new GoogleErrors();

  private static final Map<Integer, String> STATUS =
      Map.of(
          400, "INVALID_ARGUMENT",
          401, "UNAUTHENTICATED",
          403, "PERMISSION_DENIED",
          404, "NOT_FOUND",
          410, "FAILED_PRECONDITION",
          429, "RESOURCE_EXHAUSTED",
          500, "INTERNAL",
          503, "UNAVAILABLE");

  private GoogleErrors() {}

  @Override
  public SimResponse notFound(SimRequest r) {
    return notFound(apiOf(r));
  }

  @Override
  public SimResponse badRequest(SimRequest r, String message, @Nullable String parameter) {
    return badRequest(apiOf(r), message, parameter);
  }

  @Override
  public SimResponse internal(SimRequest r, Exception e) {
    return backend(apiOf(r), 500);
  }

  /** Calendar under {@code /calendar/}, People under {@code /v1/}, Gmail's style elsewhere. */
  private static ApiKind apiOf(SimRequest r) {
    if (r.path().startsWith("/calendar/")) {
      return ApiKind.CALENDAR;
    }
    return r.path().startsWith("/v1/") ? ApiKind.PEOPLE : ApiKind.GMAIL;
  }

  /** One error with a single {@code errors[]} entry, in the style of {@code api}. */
  public static SimResponse of(
      ApiKind api, int code, String domain, String reason, String message) {
    return of(api, code, domain, reason, message, null, null);
  }

  public static SimResponse of(
      ApiKind api,
      int code,
      String domain,
      String reason,
      String message,
      @Nullable String locationType,
      @Nullable String location) {
    return body(api, code, message, item(message, domain, reason, locationType, location));
  }

  private static ObjectNode item(
      String message,
      String domain,
      String reason,
      @Nullable String locationType,
      @Nullable String location) {
    ObjectNode item = Json.object();
    item.put("message", message).put("domain", domain).put("reason", reason);
    if (location != null && locationType != null) {
      item.put("location", location).put("locationType", locationType);
    }
    return item;
  }

  private static SimResponse body(ApiKind api, int code, String message, ObjectNode item) {
    if (api == ApiKind.PEOPLE) {
      return status(code, STATUS.getOrDefault(code, "UNKNOWN"), message, null);
    }
    ObjectNode error = Json.object();
    if (api == ApiKind.GMAIL) {
      error.put("code", code).put("message", message);
      error.putArray("errors").add(item);
      error.put("status", STATUS.getOrDefault(code, "UNKNOWN"));
    } else {
      error.putArray("errors").add(item);
      error.put("code", code).put("message", message);
    }
    ObjectNode root = Json.object();
    root.set("error", error);
    return SimResponse.json(code, root);
  }

  /**
   * A body in the newer style: {@code {"error": {code, message, status, details: [ErrorInfo]}}}.
   *
   * @param errorInfo a {@code google.rpc.ErrorInfo} from {@link #errorInfo}, or null for none
   */
  public static SimResponse status(
      int code, String status, String message, @Nullable ObjectNode errorInfo) {
    return status(code, status, message, null, errorInfo == null ? List.of() : List.of(errorInfo));
  }

  /**
   * A body as Google's API front end writes it for the older APIs too: {@code {"error": {code,
   * message, errors: [item], status, details}}}, the {@code errors} list only when {@code item} is
   * given (Gmail, Calendar), {@code details} only when there are some.
   */
  public static SimResponse status(
      int code,
      String status,
      String message,
      @Nullable ObjectNode item,
      List<ObjectNode> details) {
    ObjectNode error = Json.object();
    error.put("code", code).put("message", message);
    if (item != null) {
      error.putArray("errors").add(item);
    }
    error.put("status", status);
    if (!details.isEmpty()) {
      details.forEach(error.putArray("details")::add);
    }
    ObjectNode root = Json.object();
    root.set("error", error);
    return SimResponse.json(code, root);
  }

  /** One entry of the older style's {@code errors[]} list. */
  public static ObjectNode item(String message, String domain, String reason) {
    return item(message, domain, reason, null, null);
  }

  /** The canonical status name of an HTTP code, e.g. 429 → {@code RESOURCE_EXHAUSTED}. */
  public static String statusOf(int code) {
    return STATUS.getOrDefault(code, "UNKNOWN");
  }

  /** A {@code google.rpc.Help} detail with one link. */
  public static ObjectNode help(String description, String url) {
    ObjectNode help = Json.object();
    help.put("@type", "type.googleapis.com/google.rpc.Help");
    help.putArray("links").addObject().put("description", description).put("url", url);
    return help;
  }

  /** A {@code google.rpc.ErrorInfo} detail with its {@code @type}. */
  public static ObjectNode errorInfo(String reason, String domain, Map<String, String> metadata) {
    ObjectNode info = Json.object();
    info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
        .put("reason", reason)
        .put("domain", domain);
    ObjectNode meta = info.putObject("metadata");
    new TreeMap<>(metadata).forEach(meta::put);
    return info;
  }

  /** 401 for a missing, unknown, expired or revoked access token. */
  public static SimResponse unauthorized(ApiKind api) {
    String message =
        api != ApiKind.CALENDAR
            ? "Request had invalid authentication credentials. Expected OAuth 2 access token, login"
                + " cookie or other valid authentication credential. See"
                + " https://developers.google.com/identity/sign-in/web/devconsole-project."
            : "Invalid Credentials";
    ObjectNode item = item("Invalid Credentials", "global", "authError", "header", "Authorization");
    return body(api, 401, message, item)
        .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
  }

  public static SimResponse insufficientScopes(ApiKind api) {
    return of(
        api,
        403,
        "global",
        "insufficientPermissions",
        "Request had insufficient authentication scopes.");
  }

  public static SimResponse forbidden(ApiKind api, String message) {
    return of(api, 403, "global", "forbidden", message);
  }

  public static SimResponse notFound(ApiKind api) {
    return api != ApiKind.CALENDAR
        ? of(api, 404, "global", "notFound", "Requested entity was not found.")
        : of(api, 404, "global", "notFound", "Not Found");
  }

  public static SimResponse badRequest(ApiKind api, String message, @Nullable String parameter) {
    return parameter == null
        ? of(api, 400, "global", "invalid", message)
        : of(api, 400, "global", "invalid", message, "parameter", parameter);
  }

  /** The bodies of Google's transient backend errors (500 backendError, 503 unavailable). */
  public static SimResponse backend(ApiKind api, int code) {
    return code == 503
        ? of(api, 503, "global", "backendError", "The service is currently unavailable.")
        : of(api, code, "global", "backendError", "Internal error encountered.");
  }
}
