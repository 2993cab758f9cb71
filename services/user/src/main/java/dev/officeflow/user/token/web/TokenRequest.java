package dev.officeflow.user.token.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /internal/tokens/get} (snake_case JSON). {@code rejectedAccessToken} is
 * optional: the token the provider just answered 401 to, so the service refreshes it even though it
 * has not expired. Never logged. {@code purpose} is optional: {@code purge} asks for the grant held
 * for a deleted user's purge, which is all such a request is ever served.
 */
record TokenRequest(
    @Nullable String userId,
    @Nullable String provider,
    @Nullable List<String> requiredScopes,
    @Nullable String rejectedAccessToken,
    @Nullable String purpose) {

  static final String PURGE = "purge";

  @Override
  public String toString() {
    return "TokenRequest[userId="
        + userId
        + ", provider="
        + provider
        + ", requiredScopes="
        + requiredScopes
        + ", rejectedAccessToken="
        + (rejectedAccessToken == null ? "none" : "<redacted>")
        + ", purpose="
        + purpose
        + "]";
  }
}
