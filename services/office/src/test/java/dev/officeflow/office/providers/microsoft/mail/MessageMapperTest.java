package dev.officeflow.office.providers.microsoft.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.FollowupFlag;
import com.microsoft.graph.models.FollowupFlagStatus;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import dev.officeflow.events.Email;
import dev.officeflow.office.providers.microsoft.mail.MessageMapper.MappedEmail;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MessageMapperTest {

  private static final String ACCOUNT = "ana@contoso.test";

  @Test
  void recipientsBecomeBareAddressesWithTheirDisplayNames() {
    Message m = message();
    m.setFrom(recipient("Ruiz, Bea", "Bea.Ruiz@Fabrikam.test"));
    m.setToRecipients(List.of(recipient("Ana", ACCOUNT), recipient(null, "cy@contoso.test")));

    Email email = map(m, false).email();

    assertThat(email.fromAddress()).isEqualTo("bea.ruiz@fabrikam.test");
    assertThat(email.toAddresses()).containsExactly(ACCOUNT, "cy@contoso.test");
    assertThat(email.displayNames())
        .containsEntry("bea.ruiz@fabrikam.test", "Ruiz, Bea")
        .containsEntry(ACCOUNT, "Ana")
        .doesNotContainKey("cy@contoso.test");
  }

  @Test
  void exchangesAddressAsNameIsNoDisplayName() {
    Message m = message();
    m.setFrom(recipient("dee@contoso.test", "dee@contoso.test"));

    assertThat(map(m, false).email().displayNames()).isEmpty();
  }

  @Test
  void quotesAndBackslashesInANameSurviveTheParser() {
    Message m = message();
    m.setFrom(recipient("Bea \"The Boss\" Ruiz \\ HQ", "bea@fabrikam.test"));

    assertThat(map(m, false).email().displayNames())
        .containsEntry("bea@fabrikam.test", "Bea \"The Boss\" Ruiz \\ HQ");
  }

  @Test
  void conversationCategoriesAndFlagsAreTheThreadLabelsAndStates() {
    Message m = message();
    m.setConversationId("AAQkConv1");
    m.setCategories(List.of("Important", "Lists"));
    m.setIsRead(true);
    m.setHasAttachments(true);
    FollowupFlag flag = new FollowupFlag();
    flag.setFlagStatus(FollowupFlagStatus.Flagged);
    m.setFlag(flag);

    Email email = map(m, false).email();

    assertThat(email.threadId()).isEqualTo("AAQkConv1");
    assertThat(email.labels()).containsExactly("Important", "Lists");
    assertThat(email.isRead()).isTrue();
    assertThat(email.isStarred()).isTrue();
    assertThat(email.hasAttachments()).isTrue();
    assertThat(email.provider()).isEqualTo("microsoft");
    assertThat(email.id()).isEqualTo("microsoft_AAMkMsg1");
    assertThat(email.headers()).containsEntry("Message-ID", "<m1@contoso.test>");
  }

  @Test
  void sentItemsAndTheOwnersOwnAddressAreOutbound() {
    Message fromOwner = message();
    fromOwner.setFrom(recipient("Ana", "ANA@contoso.test"));
    Message fromOther = message();
    fromOther.setFrom(recipient("Bea", "bea@fabrikam.test"));

    assertThat(map(fromOwner, false).outbound()).isTrue();
    assertThat(map(fromOther, true).outbound()).isTrue();
    assertThat(map(fromOther, false).outbound()).isFalse();
  }

  @Test
  void anEntryWithoutAnAddressIsDroppedAndCounted() {
    Message m = message();
    m.setToRecipients(List.of(recipient("Undisclosed recipients", null)));

    MappedEmail mapped = map(m, false);

    assertThat(mapped.email().toAddresses()).isEmpty();
    assertThat(mapped.droppedAddresses()).isEqualTo(1);
  }

  @Test
  void aMessageWithoutAReceivedTimeIsNoEmail() {
    Message m = message();
    m.setReceivedDateTime(null);

    assertThat(MessageMapper.map(m, ACCOUNT, false)).isEmpty();
  }

  private static MappedEmail map(Message m, boolean sentItems) {
    return MessageMapper.map(m, ACCOUNT, sentItems).orElseThrow();
  }

  private static Message message() {
    Message m = new Message();
    m.setId("AAMkMsg1");
    m.setSubject("Quarterly numbers");
    m.setInternetMessageId("<m1@contoso.test>");
    m.setReceivedDateTime(OffsetDateTime.parse("2026-12-01T09:30:00Z"));
    m.setSentDateTime(OffsetDateTime.parse("2026-12-01T09:29:58Z"));
    return m;
  }

  private static Recipient recipient(@Nullable String name, @Nullable String address) {
    EmailAddress a = new EmailAddress();
    a.setName(name);
    a.setAddress(address);
    Recipient r = new Recipient();
    r.setEmailAddress(a);
    return r;
  }
}
