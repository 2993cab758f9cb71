package dev.officeflow.graphsim.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.account.ResourceChange;
import dev.officeflow.graphsim.subscriptions.ResourcePath.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourcePathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "me/mailFolders('inbox')/messages",
        "/me/mailfolders('Inbox')/messages",
        "me/mailFolders/inbox/messages",
        "users/alice@contoso.test/mailFolders('inbox')/messages"
      })
  void theInboxIsNamedInEveryWayGraphAccepts(String resource) {
    assertThat(ResourcePath.parse(resource).orElseThrow().path())
        .isEqualTo(new ResourcePath(Kind.MESSAGES, "inbox"));
  }

  @Test
  void theUserKeyOfAUsersPathIsKept() {
    assertThat(ResourcePath.parse("/users/AB-12/events").orElseThrow().userKey())
        .isEqualTo("AB-12");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "me/drive/root",
        "me/mailFolders('drafts')/messages",
        "me",
        "users/x",
        "groups/1/events"
      })
  void anythingElseIsNotWatchable(String resource) {
    assertThat(ResourcePath.parse(resource)).isEmpty();
  }

  @Test
  void everyResourceAnAccountAnnouncesIsWatchable() {
    for (String announced :
        new String[] {
          MailFolder.INBOX.resource(),
          MailFolder.SENT_ITEMS.resource(),
          ResourceChange.MESSAGES,
          ResourceChange.EVENTS,
          ResourceChange.CONTACTS
        }) {
      assertThat(ResourcePath.parse(announced)).as(announced).isPresent();
    }
  }

  @Test
  void aFolderSubscriptionDoesNotHearTheOtherFolderNorTheMailboxWideAnnouncement() {
    ResourcePath sent = ResourcePath.parse(MailFolder.SENT_ITEMS.resource()).orElseThrow().path();

    assertThat(sent.covers(path(MailFolder.SENT_ITEMS.resource()))).isTrue();
    assertThat(sent.covers(path(MailFolder.INBOX.resource()))).isFalse();
    assertThat(sent.covers(path(ResourceChange.MESSAGES))).isFalse();
  }

  @Test
  void aSubscriptionHearsOnlyTheChangeTypesItAskedFor() {
    Subscription s =
        SubscriptionFixtures.subscription("me/events", java.util.Set.of("created", "deleted"));

    assertThat(s.hears(path(ResourceChange.EVENTS), "created")).isTrue();
    assertThat(s.hears(path(ResourceChange.EVENTS), "updated")).isFalse();
    assertThat(s.hears(path(ResourceChange.CONTACTS), "created")).isFalse();
  }

  private static ResourcePath path(String resource) {
    return ResourcePath.parse(resource).orElseThrow().path();
  }
}
