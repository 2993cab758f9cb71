package dev.officeflow.office.providers.microsoft.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailPositionTest {

  private static final String LINK =
      "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$skiptoken=a;b";

  @Test
  void aWindowStartsAtTheInboxsFirstPage() {
    assertThat(MailPosition.parse(null)).isEqualTo(MailPosition.START);
    assertThat(MailPosition.START.folder()).isEqualTo(MailFolder.INBOX);
  }

  @Test
  void theLinkRoundTripsEvenWithSemicolonsInIt() {
    MailPosition at = new MailPosition(MailFolder.INBOX, LINK);

    assertThat(MailPosition.parse(at.wire())).isEqualTo(at);
  }

  @Test
  void afterTheInboxsLastPageComeTheSentItemsThenNothing() {
    assertThat(MailPosition.after(MailFolder.INBOX, null))
        .isEqualTo(new MailPosition(MailFolder.SENT_ITEMS, null));
    assertThat(MailPosition.after(MailFolder.SENT_ITEMS, null)).isNull();
    assertThat(MailPosition.after(MailFolder.SENT_ITEMS, LINK))
        .isEqualTo(new MailPosition(MailFolder.SENT_ITEMS, LINK));
  }

  @Test
  void aTokenOfAnotherShapeIsRefused() {
    assertThatThrownBy(() -> MailPosition.parse("drafts;"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailPosition.parse("inbox"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
