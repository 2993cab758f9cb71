package dev.officeflow.events.legacy;

import dev.officeflow.events.Email;
import dev.officeflow.events.EventMetadata;
import java.util.List;

/**
 * The reference's deprecated email batch on {@code email-backfill}: told by {@code emails}, {@code
 * batch_id} and {@code operation} ({@code sync}, {@code import} or {@code export}).
 */
public record EmailBatchEvent(
    EventMetadata metadata,
    String userId,
    String provider,
    List<Email> emails,
    String operation,
    String batchId)
    implements LegacyEvent<Email> {

  public EmailBatchEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(provider, "provider");
    emails = Legacy.items(emails, "emails");
    Legacy.required(operation, "operation");
    Legacy.required(batchId, "batch_id");
  }

  @Override
  public List<Email> items() {
    return emails;
  }

  @Override
  public EmailBatchEvent withItems(List<Email> items) {
    return new EmailBatchEvent(metadata, userId, provider, items, operation, batchId);
  }
}
