package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user's connection to a provider was created (connected), updated (status change, e.g. revoked)
 * or deleted (disconnected). {@code account_email} is the provider account's own address, which the
 * contacts service uses to tell the user apart from their contacts.
 */
public record IntegrationEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    String integrationId,
    IntegrationStatus status,
    @Nullable String accountEmail,
    List<String> scopes,
    @Nullable String errorMessage)
    implements OfficeEvent {

  public IntegrationEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(integrationId, "integration_id");
    Check.required(status, "status");
    scopes = Check.list(scopes, "scopes");
  }

  @Override
  public IntegrationEvent withMetadata(EventMetadata metadata) {
    return new IntegrationEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        integrationId,
        status,
        accountEmail,
        scopes,
        errorMessage);
  }
}
