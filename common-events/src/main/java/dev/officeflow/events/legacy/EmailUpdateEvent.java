package dev.officeflow.events.legacy;

import dev.officeflow.events.Email;
import dev.officeflow.events.EventMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reference's deprecated single email change on {@code email-updates}: told by {@code email}
 * and {@code update_type} ({@code create}, {@code update}, {@code delete}).
 */
public record EmailUpdateEvent(
    EventMetadata metadata,
    String userId,
    Email email,
    String updateType,
    @Nullable String changeReason)
    implements LegacyEvent<Email> {

  public EmailUpdateEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(email, "email");
    Legacy.required(updateType, "update_type");
  }

  @Override
  public List<Email> items() {
    return List.of(email);
  }

  @Override
  public EmailUpdateEvent withItems(List<Email> items) {
    return new EmailUpdateEvent(
        metadata, userId, Legacy.single(items, "email"), updateType, changeReason);
  }
}
