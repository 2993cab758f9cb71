package dev.officeflow.graphsim.odata;

import dev.officeflow.graphsim.web.GraphException;

/** The Graph errors the resources answer most, with the codes Outlook resources use. */
public final class Refusals {

  private Refusals() {}

  /** 400 with Graph's generic {@code BadRequest} code. */
  public static GraphException badRequest(String message) {
    return new GraphException(400, "BadRequest", message);
  }

  /** 400 {@code ErrorInvalidParameter}, what Outlook resources answer for a bad parameter. */
  public static GraphException invalidParameter(String message) {
    return new GraphException(400, "ErrorInvalidParameter", message);
  }

  /** 400 {@code ErrorInvalidIdMalformed}: an id that cannot be one of Outlook's. */
  public static GraphException malformedId() {
    return new GraphException(400, "ErrorInvalidIdMalformed", "Id is malformed.");
  }

  /** 404 {@code ErrorItemNotFound}, Outlook's answer for an unknown item id. */
  public static GraphException itemNotFound() {
    return new GraphException(
        404, "ErrorItemNotFound", "The specified object was not found in the store.");
  }

  /** 405 for a method a read-only resource does not take. */
  public static GraphException methodNotAllowed(String method) {
    return new GraphException(
        405,
        "ErrorInvalidRequest",
        "The OData request is not supported for method " + method + ".");
  }
}
