package dev.officeflow.graphsim.account;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message as Graph shows it, at one version. Immutable: a change makes a new record with a
 * higher {@code version}; a deletion leaves a tombstone ({@code deleted}) so later delta rounds can
 * report it.
 *
 * @param htmlBody the HTML alternative, or null for a text-only message
 * @param importance {@code low}, {@code normal} or {@code high}
 * @param inferenceClassification {@code focused} or {@code other}
 * @param version the account's change sequence number at this item's last change
 */
public record MailItem(
    String id,
    MailFolder folder,
    String conversationId,
    String internetMessageId,
    String subject,
    String textBody,
    @Nullable String htmlBody,
    String bodyPreview,
    Recipient from,
    List<Recipient> toRecipients,
    List<Recipient> ccRecipients,
    List<Recipient> bccRecipients,
    Instant receivedDateTime,
    Instant sentDateTime,
    Instant lastModifiedDateTime,
    boolean hasAttachments,
    boolean isRead,
    List<String> categories,
    boolean flagged,
    String importance,
    String inferenceClassification,
    long version,
    boolean deleted)
    implements Versioned {

  /** Graph's {@code bodyPreview} is the first 255 characters of the body text. */
  public static final int PREVIEW_LENGTH = 255;

  public MailItem {
    toRecipients = List.copyOf(toRecipients);
    ccRecipients = List.copyOf(ccRecipients);
    bccRecipients = List.copyOf(bccRecipients);
    categories = List.copyOf(categories);
  }

  /** The preview Graph computes from a body: whitespace collapsed, cut at 255 characters. */
  public static String preview(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH);
  }

  /** This message with the update applied, changed at {@code when} as {@code newVersion}. */
  public MailItem updated(MessageUpdate u, Instant when, long newVersion) {
    return new MailItem(
        id,
        folder,
        conversationId,
        internetMessageId,
        u.subject() != null ? u.subject() : subject,
        textBody,
        htmlBody,
        bodyPreview,
        from,
        toRecipients,
        ccRecipients,
        bccRecipients,
        receivedDateTime,
        sentDateTime,
        when,
        hasAttachments,
        u.isRead() != null ? u.isRead() : isRead,
        u.categories() != null ? u.categories() : categories,
        u.flagged() != null ? u.flagged() : flagged,
        u.importance() != null ? u.importance() : importance,
        inferenceClassification,
        newVersion,
        deleted);
  }

  /** The tombstone this message leaves when deleted at {@code when}. */
  public MailItem tombstone(Instant when, long newVersion) {
    return new MailItem(
        id,
        folder,
        conversationId,
        internetMessageId,
        subject,
        textBody,
        htmlBody,
        bodyPreview,
        from,
        toRecipients,
        ccRecipients,
        bccRecipients,
        receivedDateTime,
        sentDateTime,
        when,
        hasAttachments,
        isRead,
        categories,
        flagged,
        importance,
        inferenceClassification,
        newVersion,
        true);
  }
}
