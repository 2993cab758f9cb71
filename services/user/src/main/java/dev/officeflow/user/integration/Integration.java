package dev.officeflow.user.integration;

import dev.officeflow.events.IntegrationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user's connection to one provider. */
public record Integration(
    UUID id,
    String userId,
    String provider,
    IntegrationStatus status,
    @Nullable String accountEmail,
    List<String> scopes,
    @Nullable Instant lastSyncAt,
    @Nullable String errorMessage,
    Instant createdAt,
    Instant updatedAt) {

  public Integration {
    scopes = List.copyOf(scopes);
  }

  public Integration withScopes(List<String> newScopes) {
    return new Integration(
        id,
        userId,
        provider,
        status,
        accountEmail,
        newScopes,
        lastSyncAt,
        errorMessage,
        createdAt,
        updatedAt);
  }
}
