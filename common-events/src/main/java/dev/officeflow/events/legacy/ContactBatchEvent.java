package dev.officeflow.events.legacy;

import dev.officeflow.events.Contact;
import dev.officeflow.events.EventMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reference's deprecated contact batch on {@code contact-updates}: told by {@code contacts},
 * {@code batch_id} and {@code operation}.
 */
public record ContactBatchEvent(
    EventMetadata metadata,
    String userId,
    String provider,
    List<Contact> contacts,
    String operation,
    String batchId,
    @Nullable Integer totalContacts,
    int processedCount)
    implements LegacyEvent<Contact> {

  public ContactBatchEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(provider, "provider");
    contacts = Legacy.items(contacts, "contacts");
    Legacy.required(operation, "operation");
    Legacy.required(batchId, "batch_id");
  }

  @Override
  public List<Contact> items() {
    return contacts;
  }

  @Override
  public ContactBatchEvent withItems(List<Contact> items) {
    return new ContactBatchEvent(
        metadata, userId, provider, items, operation, batchId, totalContacts, processedCount);
  }
}
