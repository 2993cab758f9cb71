package dev.officeflow.googlesim.oauth;

import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimResponse;

/**
 * The flat OAuth error body Google's token endpoint uses: {@code {"error", "error_description"}}.
 */
final class OAuthErrors {

  private OAuthErrors() {}

  static SimResponse error(int status, String error, String description) {
    return SimResponse.json(
        status, Json.object().put("error", error).put("error_description", description));
  }

  static SimResponse invalidGrant(String description) {
    return error(400, "invalid_grant", description);
  }
}
