package dev.officeflow.user.integration.web;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.user.integration.Integration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An integration as the frontend sees it (JSON in snake_case). */
record IntegrationView(
    String integrationId,
    String provider,
    IntegrationStatus status,
    @Nullable String accountEmail,
    List<String> scopes,
    @Schema(
            description =
                "When this integration's newest completed backfill read the provider (the office's"
                    + " progress events); null until one completed. Never moves back.")
        @Nullable Instant lastSyncAt,
    @Nullable String errorMessage,
    Instant createdAt,
    Instant updatedAt) {

  static IntegrationView of(Integration i) {
    return new IntegrationView(
        i.id().toString(),
        i.provider(),
        i.status(),
        i.accountEmail(),
        i.scopes(),
        i.lastSyncAt(),
        i.errorMessage(),
        i.createdAt(),
        i.updatedAt());
  }
}
