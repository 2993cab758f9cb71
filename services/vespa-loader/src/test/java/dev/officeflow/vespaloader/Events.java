package dev.officeflow.vespaloader;

import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Variations of {@link EventFixtures} events that the vespa-loader tests need. */
public final class Events {

  private Events() {}

  /** The same email event with another operation (a fresh event id). */
  public static EmailEvent withOperation(EmailEvent event, Operation operation) {
    return new EmailEvent(
        EventFixtures.metadata(event.userId()),
        event.userId(),
        operation,
        event.batchId(),
        event.lastUpdated(),
        event.syncTimestamp(),
        event.provider(),
        event.syncType(),
        event.email(),
        null);
  }

  /** An update of an email to one version ({@code last_updated}) with its own subject. */
  public static EmailEvent emailAt(
      String userId, String providerId, String subject, Instant lastUpdated) {
    EmailEvent base = EventFixtures.emailEvent(userId, providerId);
    return new EmailEvent(
        base.metadata(),
        userId,
        Operation.UPDATE,
        base.batchId(),
        lastUpdated,
        base.syncTimestamp(),
        base.provider(),
        base.syncType(),
        email(base.email(), subject, base.email().labels()),
        null);
  }

  /** The email {@code providerId} at one version, with an operation (a fresh event id). */
  public static EmailEvent emailAt(
      String userId, String providerId, String subject, Instant lastUpdated, Operation operation) {
    return withOperation(emailAt(userId, providerId, subject, lastUpdated), operation);
  }

  /** The fixture contact {@code providerId} at one version, with an operation. */
  public static ContactEvent contactAt(
      String userId, String providerId, Instant lastUpdated, Operation operation) {
    ContactEvent base = EventFixtures.contactEvent(userId, providerId);
    return new ContactEvent(
        EventFixtures.metadata(userId).withTags(base.metadata().tags()),
        userId,
        operation,
        base.batchId(),
        lastUpdated,
        base.syncTimestamp(),
        base.provider(),
        base.syncType(),
        base.contact(),
        null);
  }

  /** The fixture email with other labels. */
  public static Email emailWithLabels(String providerId, List<String> labels) {
    Email email = EventFixtures.email(providerId);
    return email(email, email.subject(), labels);
  }

  /** An email event whose metadata carries {@code tags} instead of the fixture's. */
  public static EmailEvent withTags(EmailEvent event, Map<String, String> tags) {
    return (EmailEvent) event.withMetadata(event.metadata().withTags(tags));
  }

  /** The fixture contact event with other metadata tags (where the scores travel). */
  public static ContactEvent contactWithTags(String userId, Map<String, String> tags) {
    ContactEvent event = EventFixtures.contactEvent(userId, "c1");
    return (ContactEvent) event.withMetadata(event.metadata().withTags(tags));
  }

  /** The fixture contact without a display name. */
  public static Contact contactWithoutDisplayName() {
    Contact c = EventFixtures.contactEvent("u1", "c1").contact();
    return contact(c, null, c.tags());
  }

  /** The contact with other labels in its own tags. */
  public static Contact contactWithLabels(Contact c, List<String> tags) {
    return contact(c, c.displayName(), tags);
  }

  /** A user was deleted. */
  public static UserEvent userDeleted(String userId) {
    return EventFixtures.userEvent(userId);
  }

  private static Email email(Email e, @Nullable String subject, List<String> labels) {
    return new Email(
        e.id(),
        e.threadId(),
        subject,
        e.body(),
        e.fromAddress(),
        e.toAddresses(),
        e.ccAddresses(),
        e.bccAddresses(),
        e.receivedDate(),
        e.sentDate(),
        labels,
        e.isRead(),
        e.isStarred(),
        e.hasAttachments(),
        e.provider(),
        e.providerMessageId(),
        e.sizeBytes(),
        e.mimeType(),
        e.headers(),
        e.displayNames());
  }

  private static Contact contact(Contact c, @Nullable String displayName, List<String> tags) {
    return new Contact(
        c.id(),
        displayName,
        c.givenName(),
        c.familyName(),
        c.emailAddresses(),
        c.phoneNumbers(),
        c.addresses(),
        c.organizations(),
        c.birthdays(),
        c.notes(),
        c.provider(),
        c.providerContactId(),
        c.photos(),
        c.groups(),
        tags,
        c.lastModified());
  }
}
