package dev.officeflow.notifier.testing;

import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.events.SyncType;
import java.time.Instant;

/** Events for the notifier's tests, built from common-events' fixtures. */
public final class Events {

  private Events() {}

  /** Report {@code sequence} of {@code userId}'s job, at {@code percent}. */
  public static ProgressEvent progress(String userId, long sequence, int percent) {
    return EventFixtures.progress(
        userId, "job-" + userId, sequence, ProgressState.RUNNING, percent, Instant.now());
  }

  /** A new mail of {@code userId}'s, streamed (not a backfill), with {@code subject}. */
  public static EmailEvent newMail(String userId, String providerId, String subject) {
    EmailEvent fixture = EventFixtures.emailEvent(userId, providerId);
    Email e = fixture.email();
    Email mail =
        new Email(
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
            e.labels(),
            e.isRead(),
            e.isStarred(),
            e.hasAttachments(),
            e.provider(),
            e.providerMessageId(),
            e.sizeBytes(),
            e.mimeType(),
            e.headers(),
            e.displayNames());
    return new EmailEvent(
        fixture.metadata(),
        userId,
        Operation.CREATE,
        null,
        fixture.lastUpdated(),
        fixture.syncTimestamp(),
        "google",
        SyncType.REAL_TIME,
        mail,
        null);
  }
}
