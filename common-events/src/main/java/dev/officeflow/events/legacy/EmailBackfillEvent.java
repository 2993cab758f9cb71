package dev.officeflow.events.legacy;

import dev.officeflow.events.Email;
import dev.officeflow.events.EventMetadata;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reference's deprecated backfill batch on {@code email-backfill}: told by {@code emails} and
 * {@code batch_size}. It has no batch id of its own; {@code sync_type} defaults to {@code
 * backfill}.
 */
public record EmailBackfillEvent(
    EventMetadata metadata,
    String userId,
    String provider,
    List<Email> emails,
    int batchSize,
    @Nullable String syncType,
    @Nullable Instant startDate,
    @Nullable Instant endDate,
    @Nullable String folder,
    @Nullable Integer totalEmails,
    int processedCount)
    implements LegacyEvent<Email> {

  public EmailBackfillEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(provider, "provider");
    emails = Legacy.items(emails, "emails");
    syncType = syncType == null ? "backfill" : syncType;
  }

  @Override
  public List<Email> items() {
    return emails;
  }

  @Override
  public EmailBackfillEvent withItems(List<Email> items) {
    return new EmailBackfillEvent(
        metadata,
        userId,
        provider,
        items,
        batchSize,
        syncType,
        startDate,
        endDate,
        folder,
        totalEmails,
        processedCount);
  }
}
