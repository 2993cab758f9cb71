package dev.officeflow.graphsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphAccountTest {

  final MutableClock clock = new MutableClock(ResourceRig.NOW);
  final AccountSpec spec =
      AccountSpec.of("dana@contoso.test").withMailbox(5, 60, 20, 10, 4).withContacts(12);

  @Test
  void theSameSpecAndAnchorGiveTheSameIdsAndContent() {
    GraphAccount one = new GraphAccount(spec, clock);
    GraphAccount two = new GraphAccount(spec, clock);

    assertThat(two.id())
        .isEqualTo(one.id())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(two.messages().snapshot().items()).isEqualTo(one.messages().snapshot().items());
    assertThat(two.events().snapshot().items()).isEqualTo(one.events().snapshot().items());
    assertThat(two.contacts().snapshot().items()).isEqualTo(one.contacts().snapshot().items());
  }

  @Test
  void theGeneratorsMessagesAreSplitIntoInboxAndSentItems() {
    GraphAccount a = new GraphAccount(spec, clock);
    List<MailItem> all = a.messages().snapshot().live();

    assertThat(all).hasSize(80);
    assertThat(all)
        .filteredOn(m -> m.folder() == MailFolder.SENT_ITEMS)
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.from().address()).isEqualTo("dana@contoso.test"));
    assertThat(all)
        .filteredOn(m -> m.folder() == MailFolder.INBOX)
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.from().address()).isNotEqualTo("dana@contoso.test"));
    assertThat(a.contacts().liveCount()).isEqualTo(12);
  }

  @Test
  void itemIdsArePathSafeBase64WithOutlooksPad() {
    GraphAccount a = new GraphAccount(spec, clock);

    assertThat(a.messages().snapshot().live())
        .allSatisfy(m -> assertThat(m.id()).matches("AAMkA[A-Za-z0-9_-]+=").hasSizeGreaterThan(40));
    assertThat(a.messages().snapshot().live()).extracting(MailItem::id).doesNotHaveDuplicates();
  }

  @Test
  void aNewInboundMessageIsAnnouncedForItsFolderAndForMeMessages() {
    GraphAccount a = new GraphAccount(spec, clock);
    List<ResourceChange> heard = new ArrayList<>();
    a.onChange(heard::add);

    MailItem m = a.addMessage(NewMessage.from("Eve", "eve@fabrikam.test", "Hi", "text"));

    assertThat(heard)
        .containsExactly(
            new ResourceChange(a.id(), "me/mailFolders('inbox')/messages", "created", m.id()),
            new ResourceChange(a.id(), "me/messages", "created", m.id()));
  }

  @Test
  void everyChangeGetsAHigherVersionAndADeletionLeavesATombstone() {
    GraphAccount a = new GraphAccount(spec, clock);
    long before = a.messages().snapshot().sequence();
    MailItem m = a.addMessage(NewMessage.from("Eve", "eve@fabrikam.test", "Hi", "text"));
    MailItem read = a.updateMessage(m.id(), MessageUpdate.read(true)).orElseThrow();
    MailItem gone = a.deleteMessage(m.id()).orElseThrow();

    assertThat(m.version()).isGreaterThan(before);
    assertThat(read.version()).isGreaterThan(m.version());
    assertThat(gone.version()).isGreaterThan(read.version());
    assertThat(gone.deleted()).isTrue();
    assertThat(a.messages().live(m.id())).isEmpty();
    assertThat(a.deleteMessage(m.id())).isEmpty();
  }

  @Test
  void changesToEventsAndContactsAreAnnouncedWithTheirResource() {
    GraphAccount a = new GraphAccount(spec, clock);
    List<ResourceChange> heard = new ArrayList<>();
    a.onChange(heard::add);
    EventItem e = a.events().snapshot().live().get(0);
    ContactItem c = a.contacts().snapshot().live().get(0);

    a.updateEvent(e.id(), EventUpdate.subject("Moved"));
    a.deleteContact(c.id());

    assertThat(heard)
        .containsExactly(
            new ResourceChange(a.id(), "me/events", "updated", e.id()),
            new ResourceChange(a.id(), "me/contacts", "deleted", c.id()));
  }
}
