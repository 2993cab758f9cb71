package dev.officeflow.user.token.web;

import dev.officeflow.user.token.ServedToken;
import java.time.Duration;
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

  /** The answer for a served token, its {@code expires_in} counted from {@code now}. */
  static TokenResponse of(ServedToken served, Instant now) {
    Instant expires = served.tokens().accessExpiresAt();
    return new TokenResponse(
        served.tokens().accessToken(),
        "Bearer",
        expires,
        Math.max(0, Duration.between(now, expires).toSeconds()),
        served.scopes(),
        served.accountEmail(),
        served.integrationId().toString());
  }

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
