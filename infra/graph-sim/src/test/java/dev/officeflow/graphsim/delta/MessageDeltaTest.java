package dev.officeflow.graphsim.delta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.account.MessageUpdate;
import dev.officeflow.graphsim.account.NewMessage;
import dev.officeflow.graphsim.account.ResourceRig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessageDeltaTest {

  static final String INBOX_DELTA = "/me/mailFolders/inbox/messages/delta";
  static final String[] PAGE_OF_25 = {"Prefer", "odata.maxpagesize=25"};

  ResourceRig rig;
  String token;
  GraphAccount alice;

  @BeforeEach
  void start() {
    rig =
        new ResourceRig(
            GraphSimConfig.defaults().withDeltaTokenLifetime(Duration.ofHours(24)),
            ResourceRig.alice(),
            ResourceRig.bob());
    token = rig.token(ResourceRig.ALICE);
    alice = rig.account(ResourceRig.ALICE);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private Set<String> inbox() {
    return alice.messages().snapshot().live().stream()
        .filter(m -> m.folder() == MailFolder.INBOX)
        .map(MailItem::id)
        .collect(Collectors.toSet());
  }

  private ResourceRig.Round initial() {
    return rig.round(rig.sim.graphUrl() + INBOX_DELTA, token, PAGE_OF_25);
  }

  @Test
  void theFirstRoundPagesEveryInboxMessageOnceAndEndsWithADeltaLink() {
    ResourceRig.Round round = initial();

    assertThat(round.entries()).hasSize(inbox().size());
    assertThat(round.ids()).isEqualTo(inbox());
    assertThat(round.pages()).isEqualTo((inbox().size() + 24) / 25);
    assertThat(round.deltaLink())
        .contains("/v1.0/me/mailFolders/inbox/messages/delta?%24deltatoken=");
    assertThat(round.entries()).noneMatch(e -> e.has("@removed"));
  }

  @Test
  void theNextRoundReturnsWhatWasCreatedUpdatedAndDeletedSince() {
    ResourceRig.Round first = initial();
    List<MailItem> old =
        alice.messages().snapshot().live().stream()
            .filter(m -> m.folder() == MailFolder.INBOX)
            .toList();
    MailItem created =
        alice.addMessage(NewMessage.from("Dan", "dan@fabrikam.test", "New", "hello"));
    alice.updateMessage(old.get(0).id(), MessageUpdate.read(!old.get(0).isRead()));
    alice.deleteMessage(old.get(1).id());
    alice.addMessage(NewMessage.sent(List.of("erin@fabrikam.test"), "Sent", "not in the inbox"));

    ResourceRig.Round next = rig.round(first.deltaLink(), token, PAGE_OF_25);

    assertThat(next.ids())
        .containsExactlyInAnyOrder(created.id(), old.get(0).id(), old.get(1).id());
    JsonNode removed =
        next.entries().stream().filter(e -> e.has("@removed")).findFirst().orElseThrow();
    assertThat(removed.get("id").asString()).isEqualTo(old.get(1).id());
    assertThat(removed.at("/@removed/reason").asString()).isEqualTo("deleted");
    JsonNode updated =
        next.entries().stream()
            .filter(e -> e.get("id").asString().equals(old.get(0).id()))
            .findFirst()
            .orElseThrow();
    assertThat(updated.get("isRead").asBoolean()).isEqualTo(!old.get(0).isRead());
  }

  @Test
  void aRoundWithNoChangesIsEmptyAndGivesAFreshDeltaLink() {
    ResourceRig.Round first = initial();

    ResourceRig.Round next = rig.round(first.deltaLink(), token);

    assertThat(next.entries()).isEmpty();
    assertThat(next.deltaLink()).isNotEqualTo(first.deltaLink());
  }

  @Test
  void selectAndAReceivedFilterShapeTheFirstRoundAndAreKeptInTheLinks() {
    Instant from = ResourceRig.NOW.minus(Duration.ofDays(30));
    ResourceRig.Round first =
        rig.round(
            rig.sim.graphUrl()
                + INBOX_DELTA
                + "?%24select=subject,receivedDateTime&%24filter=receivedDateTime+ge+"
                + from,
            token,
            PAGE_OF_25);
    MailItem created =
        alice.addMessage(NewMessage.from("Dan", "dan@fabrikam.test", "New", "hello"));
    ResourceRig.Round next = rig.round(first.deltaLink(), token);

    long recentInbox =
        alice.messages().snapshot().live().stream()
            .filter(
                m ->
                    m.folder() == MailFolder.INBOX
                        && !m.receivedDateTime().isBefore(from)
                        && !m.id().equals(created.id()))
            .count();
    assertThat(first.entries()).hasSize((int) recentInbox);
    assertThat(first.entries())
        .allSatisfy(
            e ->
                assertThat(Set.copyOf(e.propertyNames()))
                    .isEqualTo(Set.of("@odata.etag", "id", "subject", "receivedDateTime")));
    assertThat(next.entries()).singleElement().satisfies(e -> assertThat(e.has("from")).isFalse());
  }

  @Test
  void aDeltaTokenPastItsLifetimeIsGoneWithSyncStateNotFound() {
    ResourceRig.Round first = initial();
    rig.clock.advance(Duration.ofHours(25));

    HttpResponse<String> r = rig.getUrl(first.deltaLink(), rig.token(ResourceRig.ALICE));

    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("syncStateNotFound");
  }

  @Test
  void anAdminExpiryMakesEveryTokenOfTheAccountGone() {
    ResourceRig.Round first = initial();

    assertThat(
            rig.admin("POST", "accounts/" + ResourceRig.ALICE + "/delta-tokens/expire", "{}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> r = rig.getUrl(first.deltaLink(), token);

    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("syncStateNotFound");
    assertThat(rig.round(rig.sim.graphUrl() + INBOX_DELTA, token).entries())
        .hasSize(inbox().size());
  }

  @Test
  void anAdminCanExpireOneDeltaLinkAndLeaveTheOthers() {
    ResourceRig.Round first = initial();
    ResourceRig.Round second = initial();

    rig.admin(
        "POST",
        "accounts/" + ResourceRig.ALICE + "/delta-tokens/expire",
        "{\"deltaLink\":\"" + first.deltaLink() + "\"}");

    assertThat(rig.getUrl(first.deltaLink(), token).statusCode()).isEqualTo(410);
    assertThat(rig.getUrl(second.deltaLink(), token).statusCode()).isEqualTo(200);
  }

  @Test
  void aForcedResyncAnswersResyncRequired() {
    ResourceRig.Round first = initial();

    rig.admin("POST", "accounts/" + ResourceRig.ALICE + "/delta-tokens/resync", "{}");
    HttpResponse<String> r = rig.getUrl(first.deltaLink(), token);

    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("resyncRequired");
  }

  @Test
  void aDeltaTokenOfAnotherAccountIsRefused() {
    ResourceRig.Round alices = initial();

    HttpResponse<String> r = rig.getUrl(alices.deltaLink(), rig.token(ResourceRig.BOB));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("syncStateInvalid");
  }

  @Test
  void aDeltaTokenOfAnotherFolderIsRefused() {
    ResourceRig.Round inboxRound = initial();
    String sentLink = inboxRound.deltaLink().replace("/inbox/", "/sentitems/");

    assertThat(rig.getUrl(sentLink, token).statusCode()).isEqualTo(400);
  }

  @Test
  void aRangeFilterIsRefusedOnMessageDelta() {
    HttpResponse<String> r =
        rig.get(INBOX_DELTA + "?%24filter=receivedDateTime+lt+2026-11-01T00:00:00Z", token);

    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void theSdksDeltaFunctionSegmentIsServedToo() {
    ResourceRig.Round round =
        rig.round(rig.sim.graphUrl() + "/me/mailFolders/inbox/messages/delta()", token, PAGE_OF_25);

    assertThat(round.ids()).isEqualTo(inbox());
    assertThat(round.deltaLink()).contains("/messages/delta()?%24deltatoken=");
  }
}
