package dev.officeflow.graphsim.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.account.NewMessage;
import dev.officeflow.graphsim.account.ResourceRig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessagePagingTest {

  static ResourceRig rig;
  static String token;

  @BeforeAll
  static void start() {
    rig = new ResourceRig(ResourceRig.alice());
    token = rig.token(ResourceRig.ALICE);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  private static Set<String> stored(MailFolder folder) {
    return rig.account(ResourceRig.ALICE).messages().snapshot().live().stream()
        .filter(m -> folder == null || m.folder() == folder)
        .map(MailItem::id)
        .collect(Collectors.toSet());
  }

  private static List<String> ids(List<JsonNode> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("id").asString()));
    return out;
  }

  @Test
  void pagingTheInboxByNextLinkServesEveryMessageOnce() {
    List<String> ids = ids(rig.all("/me/mailFolders/inbox/messages?%24top=7", token));

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(Set.copyOf(ids)).isEqualTo(stored(MailFolder.INBOX));
    assertThat(ids.size()).isGreaterThan(7);
  }

  @Test
  void sentItemsHoldWhatTheOwnerSentAndInboxWhatOthersDid() {
    List<JsonNode> sent = rig.all("/me/mailFolders/sentitems/messages?%24top=50", token);

    assertThat(ids(sent)).containsExactlyInAnyOrderElementsOf(stored(MailFolder.SENT_ITEMS));
    assertThat(sent)
        .allSatisfy(
            m ->
                assertThat(m.at("/from/emailAddress/address").asString())
                    .isEqualTo(ResourceRig.ALICE));
    assertThat(rig.all("/me/mailFolders/inbox/messages?%24top=100", token))
        .noneSatisfy(
            m ->
                assertThat(m.at("/from/emailAddress/address").asString())
                    .isEqualTo(ResourceRig.ALICE));
  }

  @Test
  void meMessagesListsBothFoldersNewestFirstByDefault() {
    List<JsonNode> all = rig.all("/me/messages?$top=1000", token);

    assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(stored(null));
    List<String> received = all.stream().map(m -> m.get("receivedDateTime").asString()).toList();
    assertThat(received).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void theDefaultPageIsTenMessages() {
    JsonNode page = ResourceRig.json(rig.get("/me/messages", token));

    assertThat(page.get("value")).hasSize(10);
    assertThat(page.get("@odata.nextLink").asString()).contains("%24skiptoken=");
  }

  @Test
  void aMessageArrivingWhilePagingNeitherShiftsNorRepeatsAPage() {
    JsonNode first =
        ResourceRig.json(
            rig.get(
                "/me/mailFolders/inbox/messages?%24top=5&%24orderby=receivedDateTime%20asc",
                token));
    rig.account(ResourceRig.ALICE)
        .addMessage(NewMessage.from("Carol", "carol@fabrikam.test", "Late", "arrived mid-paging"));
    List<String> ids =
        ids(
            rig.all(
                "/me/mailFolders/inbox/messages?%24top=5&%24orderby=receivedDateTime%20asc",
                token));
    List<String> firstIds = new ArrayList<>();
    first.get("value").forEach(m -> firstIds.add(m.get("id").asString()));

    assertThat(ids).doesNotHaveDuplicates().startsWith(firstIds.toArray(String[]::new));
    assertThat(Set.copyOf(ids)).isEqualTo(stored(MailFolder.INBOX));
  }
}
