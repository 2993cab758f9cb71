package dev.officeflow.user.imports.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One integration to import: provider, status (officeflow's, or the reference's {@code inactive}),
 * the account's address, scopes and the OAuth tokens, which are stored encrypted. Never printed
 * with its tokens.
 */
@Schema(name = "IntegrationImport")
record IntegrationImportRequest(
    @Nullable String provider,
    @Nullable String status,
    @Nullable String accountEmail,
    @Nullable List<String> scopes,
    @Nullable String accessToken,
    @Nullable String refreshToken,
    @Nullable Instant accessExpiresAt) {

  @Override
  public String toString() {
    return "IntegrationImportRequest[provider="
        + provider
        + ", status="
        + status
        + ", accessToken="
        + (accessToken == null ? "none" : "<redacted>")
        + ", refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + "]";
  }
}
