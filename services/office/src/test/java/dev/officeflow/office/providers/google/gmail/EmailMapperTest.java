package dev.officeflow.office.providers.google.gmail;

import static dev.officeflow.office.providers.google.gmail.GmailMessages.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.model.Message;
import dev.officeflow.events.Email;
import dev.officeflow.office.providers.google.gmail.EmailMapper.MappedEmail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailMapperTest {

  private static final String ACCOUNT = "owner@acme.test";

  private static Message inbound() {
    return GmailMessages.metadata(
        "m1",
        "multipart/alternative",
        List.of("INBOX", "UNREAD", "CATEGORY_PERSONAL"),
        header("From", "\"Doe, Jane\" <Jane@Example.org>"),
        header("To", "Owner <owner@acme.test>, bo@example.net"),
        header("Cc", "=?UTF-8?Q?Zo=C3=AB?= <zoe@example.com>, nonsense"),
        header("Subject", "=?UTF-8?B?UmXDvG5pb24=?="),
        header("Date", "Tue, 10 Nov 2026 09:15:00 +0100 (CET)"),
        header("List-Id", "<team.example.org>"),
        header("Message-ID", "<abc@example.org>"));
  }

  private static Email map(Message message) {
    return EmailMapper.map(message, ACCOUNT).orElseThrow().email();
  }

  @Test
  void addressesAreBareAndNamesAreKeptAside() {
    Email email = map(inbound());

    assertThat(email.fromAddress()).isEqualTo("jane@example.org");
    assertThat(email.toAddresses()).containsExactly("owner@acme.test", "bo@example.net");
    assertThat(email.ccAddresses()).containsExactly("zoe@example.com");
    assertThat(email.displayNames())
        .containsEntry("jane@example.org", "Doe, Jane")
        .containsEntry("zoe@example.com", "Zoë")
        .containsEntry("owner@acme.test", "Owner");
  }

  @Test
  void unreadableAddressEntriesAreCounted() {
    MappedEmail mapped = EmailMapper.map(inbound(), ACCOUNT).orElseThrow();

    assertThat(mapped.droppedAddresses()).isEqualTo(1);
  }

  @Test
  void idsThreadLabelsAndFlagsComeFromTheMessage() {
    Email email = map(inbound());

    assertThat(email.id()).isEqualTo("google_m1");
    assertThat(email.providerMessageId()).isEqualTo("m1");
    assertThat(email.threadId()).isEqualTo("t-m1");
    assertThat(email.labels()).containsExactly("INBOX", "UNREAD", "CATEGORY_PERSONAL");
    assertThat(email.isRead()).isFalse();
    assertThat(email.isStarred()).isFalse();
    assertThat(email.sizeBytes()).isEqualTo(4321L);
  }

  @Test
  void datesAreTheInternalDateAndTheDateHeader() {
    Email email = map(inbound());

    assertThat(email.receivedDate()).isEqualTo(GmailMessages.RECEIVED);
    assertThat(email.sentDate()).isEqualTo(Instant.parse("2026-11-10T08:15:00Z"));
  }

  @Test
  void subjectIsDecodedAndListHeadersKept() {
    Email email = map(inbound());

    assertThat(email.subject()).isEqualTo("Reünion");
    assertThat(email.headers())
        .containsEntry("List-Id", "<team.example.org>")
        .containsEntry("Message-ID", "<abc@example.org>")
        .doesNotContainKeys("From", "Subject");
  }

  @Test
  void mailFromTheAccountIsOutbound() {
    Message sent =
        GmailMessages.metadata(
            "m2", "text/plain", List.of("SENT"), header("From", "Owner <Owner+x@acme.test>"));

    assertThat(EmailMapper.map(sent, ACCOUNT).orElseThrow().outbound()).isTrue();
    assertThat(EmailMapper.map(inbound(), ACCOUNT).orElseThrow().outbound()).isFalse();
  }

  @Test
  void metadataHasNoBodyAndGuessesAttachmentsFromMultipartMixed() {
    Message mixed = GmailMessages.metadata("m3", "multipart/mixed", List.of("INBOX"));

    assertThat(map(mixed).body()).isEmpty();
    assertThat(map(mixed).hasAttachments()).isTrue();
    assertThat(map(inbound()).hasAttachments()).isFalse();
  }

  @Test
  void fullFormatBodyIsTheBase64UrlTextPartInItsCharset() {
    Email email = map(GmailMessages.full("m4", "Grüße, Ana", "ISO-8859-1"));

    assertThat(email.body()).isEqualTo("Grüße, Ana");
    assertThat(email.hasAttachments()).isTrue();
    assertThat(email.isRead()).isTrue();
  }

  @Test
  void messageWithoutInternalDateIsNotAnEmail() {
    Message undated = inbound().setInternalDate(null);

    assertThat(EmailMapper.map(undated, ACCOUNT)).isEmpty();
  }

  @Test
  void unparseableDateHeaderLeavesNoSentDate() {
    Message odd =
        GmailMessages.metadata("m5", "text/plain", List.of(), header("Date", "yesterday-ish"));

    assertThat(map(odd).sentDate()).isNull();
    assertThat(map(odd).headers()).isEqualTo(Map.of("Date", "yesterday-ish"));
  }
}
