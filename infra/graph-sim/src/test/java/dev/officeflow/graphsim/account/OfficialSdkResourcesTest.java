package dev.officeflow.graphsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Graph SDK (6.x, Kiota) over the resources: it builds {@code delta()} paths, {@code
 * %24}-encoded options and batch bodies its own way, and must read every answer.
 */
class OfficialSdkResourcesTest {

  ResourceRig rig;
  GraphServiceClient graph;
  GraphAccount alice;

  @BeforeEach
  void start() {
    rig = new ResourceRig(ResourceRig.alice());
    alice = rig.account(ResourceRig.ALICE);
    String token = rig.token(ResourceRig.ALICE);
    String host = URI.create(rig.sim.graphUrl()).getHost();
    AccessTokenProvider provider =
        new AccessTokenProvider() {
          @Override
          public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return token;
          }

          @Override
          public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator(host);
          }
        };
    graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(provider));
    graph.getRequestAdapter().setBaseUrl(rig.sim.graphUrl());
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private Set<String> stored(MailFolder folder) {
    return alice.messages().snapshot().live().stream()
        .filter(m -> m.folder() == folder)
        .map(MailItem::id)
        .collect(Collectors.toSet());
  }

  @Test
  void theSdkPagesAFolderByNextLinkAndGetsEveryMessageOnce() {
    var messages = graph.me().mailFolders().byMailFolderId("sentitems").messages();
    MessageCollectionResponse page =
        messages.get(
            c -> {
              c.queryParameters.top = 9;
              c.queryParameters.select = new String[] {"subject", "receivedDateTime"};
            });
    List<String> ids = new ArrayList<>();
    while (true) {
      page.getValue().forEach(m -> ids.add(m.getId()));
      if (page.getOdataNextLink() == null) {
        break;
      }
      page = messages.withUrl(page.getOdataNextLink()).get();
    }

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(Set.copyOf(ids)).isEqualTo(stored(MailFolder.SENT_ITEMS));
  }

  @Test
  void theSdkFollowsAMessageDeltaToItsDeltaLinkAndThenSeesTheChanges() {
    var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
    var page = delta.get(c -> c.headers.add("Prefer", "odata.maxpagesize=40"));
    Set<String> first = new HashSet<>();
    while (page.getOdataDeltaLink() == null) {
      page.getValue().forEach(m -> first.add(m.getId()));
      page = delta.withUrl(page.getOdataNextLink()).get();
    }
    page.getValue().forEach(m -> first.add(m.getId()));
    Set<String> inboxBefore = stored(MailFolder.INBOX);
    MailItem added = alice.addMessage(NewMessage.from("Ivy", "ivy@fabrikam.test", "Hello", "x"));
    String gone = first.iterator().next();
    alice.deleteMessage(gone);

    List<Message> next = delta.withUrl(page.getOdataDeltaLink()).get().getValue();

    assertThat(first).isEqualTo(inboxBefore);
    assertThat(next).extracting(Message::getId).containsExactlyInAnyOrder(added.id(), gone);
    assertThat(next)
        .filteredOn(m -> m.getId().equals(added.id()))
        .singleElement()
        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Hello"));
    assertThat(next)
        .filteredOn(m -> m.getId().equals(gone))
        .singleElement()
        .satisfies(m -> assertThat(m.getAdditionalData()).containsKey("@removed"));
  }

  @Test
  void theSdkReadsACalendarViewDeltaOverItsWindow() {
    var delta = graph.me().calendarView().delta();
    var page =
        delta.get(
            c -> {
              c.queryParameters.startDateTime =
                  ResourceRig.NOW.minus(Duration.ofDays(30)).toString();
              c.queryParameters.endDateTime = ResourceRig.NOW.plus(Duration.ofDays(2)).toString();
            });
    List<Event> events = new ArrayList<>(page.getValue());
    while (page.getOdataNextLink() != null) {
      page = delta.withUrl(page.getOdataNextLink()).get();
      events.addAll(page.getValue());
    }

    assertThat(page.getOdataDeltaLink()).isNotBlank();
    assertThat(events).isNotEmpty();
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.getStart().getDateTime()).isNotBlank();
              assertThat(e.getType()).isNotNull();
              assertThat(e.getOrganizer().getEmailAddress().getAddress()).contains("@");
            });
  }

  @Test
  void theSdkReadsContactsAndTheirDelta() {
    List<Contact> contacts = graph.me().contacts().get(c -> c.queryParameters.top = 100).getValue();
    var delta = graph.me().contacts().delta().get();

    assertThat(contacts).hasSize(25);
    assertThat(contacts).allSatisfy(c -> assertThat(c.getEmailAddresses()).isNotEmpty());
    assertThat(delta.getValue()).hasSize(10);
    assertThat(delta.getOdataNextLink()).isNotBlank();
  }

  @Test
  void theSdkBatchesRequestsAndReadsEachAnswer() throws Exception {
    BatchRequestContent batch = new BatchRequestContent(graph);
    String messages =
        batch.addBatchRequestStep(
            graph.me().messages().toGetRequestInformation(c -> c.queryParameters.top = 3));
    String contacts = batch.addBatchRequestStep(graph.me().contacts().toGetRequestInformation());

    BatchResponseContent answer = graph.getBatchRequestBuilder().post(batch, null);

    assertThat(answer.getResponsesStatusCode())
        .containsOnlyKeys(messages, contacts)
        .containsValues(200, 200);
    assertThat(
            answer
                .getResponseById(messages, MessageCollectionResponse::createFromDiscriminatorValue)
                .getValue())
        .hasSize(3);
  }
}
