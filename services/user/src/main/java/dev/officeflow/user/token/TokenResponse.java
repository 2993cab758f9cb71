package dev.officeflow.user.token;

import java.time.Instant;
import java.util.List;

/** Answer of {@code POST /internal/tokens/get} (snake_case JSON). */
record TokenResponse(
    String accessToken,
    String tokenType,
    Instant expiresAt,
    long expiresIn,
    List<String> scopes,
    String accountEmail,
    String integrationId) {

  @Override
  public String toString() {
    return "TokenResponse[accessToken=<redacted>, expiresAt="
        + expiresAt
        + ", scopes="
        + scopes
        + ", integrationId="
        + integrationId
        + "]";
  }
}
