package dev.officeflow.vespasim;

import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON response.
 *
 * @param status the HTTP status
 * @param body the JSON body, in Vespa's shape
 */
record ApiResponse(int status, ObjectNode body) {

  static ApiResponse ok(ObjectNode body) {
    return new ApiResponse(200, body);
  }
}
