package dev.officeflow.events.legacy;

import dev.officeflow.events.Contact;
import dev.officeflow.events.EventMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reference's deprecated single contact change on {@code contact-updates}: told by {@code
 * contact} and {@code update_type}.
 */
public record ContactUpdateEvent(
    EventMetadata metadata,
    String userId,
    Contact contact,
    String updateType,
    @Nullable String changeReason)
    implements LegacyEvent<Contact> {

  public ContactUpdateEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(contact, "contact");
    Legacy.required(updateType, "update_type");
  }

  @Override
  public List<Contact> items() {
    return List.of(contact);
  }

  @Override
  public ContactUpdateEvent withItems(List<Contact> items) {
    return new ContactUpdateEvent(
        metadata, userId, Legacy.single(items, "contact"), updateType, changeReason);
  }
}
