package dev.officeflow.googlesim.gmail;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.Profile;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmailMessagesTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private Gmail gmail;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.alice());
    gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void profileReportsTheMailboxTotalsAndHistoryId() throws IOException {
    Profile profile = gmail.users().getProfile("me").execute();

    assertThat(profile.getEmailAddress()).isEqualTo(ALICE);
    assertThat(profile.getMessagesTotal()).isEqualTo(160);
    assertThat(profile.getThreadsTotal()).isBetween(40, 159);
    assertThat(profile.getHistoryId()).isEqualTo(sim.admin().account(ALICE).historyId());
  }

  @Test
  void pagingThroughTheListVisitsEveryMessageOnceNewestFirst() throws IOException {
    List<String> ids = new ArrayList<>();
    String pageToken = null;
    int pages = 0;
    do {
      ListMessagesResponse page =
          gmail.users().messages().list("me").setMaxResults(50L).setPageToken(pageToken).execute();
      page.getMessages().forEach(m -> ids.add(m.getId()));
      assertThat(page.getResultSizeEstimate()).isEqualTo(160L);
      pageToken = page.getNextPageToken();
      pages++;
    } while (pageToken != null);

    assertThat(pages).isEqualTo(4);
    assertThat(ids).hasSize(160).doesNotHaveDuplicates();
    Message newest = gmail.users().messages().get("me", ids.get(0)).setFormat("minimal").execute();
    Message oldest =
        gmail.users().messages().get("me", ids.get(159)).setFormat("minimal").execute();
    assertThat(newest.getInternalDate()).isGreaterThan(oldest.getInternalDate());
  }

  @Test
  void afterQueryInEpochSecondsKeepsExactlyTheMessagesInsideTheWindow() throws IOException {
    long windowStart = Instant.parse(SimFixtures.NOW).minus(Duration.ofDays(30)).getEpochSecond();

    ListMessagesResponse recent =
        gmail
            .users()
            .messages()
            .list("me")
            .setQ("after:" + windowStart)
            .setMaxResults(500L)
            .execute();

    assertThat(recent.getMessages()).hasSize(120);
    assertThat(recent.getResultSizeEstimate()).isEqualTo(120L);
  }

  @Test
  void newerThanDaysAndSlashedDatesAreUnderstood() throws IOException {
    ListMessagesResponse newer =
        gmail.users().messages().list("me").setQ("newer_than:30d").setMaxResults(500L).execute();
    ListMessagesResponse afterDate =
        gmail.users().messages().list("me").setQ("after:2026/10/21").setMaxResults(500L).execute();

    assertThat(newer.getMessages()).hasSize(120);
    assertThat(afterDate.getMessages()).hasSize(120);
  }

  @Test
  void metadataFormatReturnsOnlyTheRequestedHeaders() throws IOException {
    String id = firstId();

    Message m =
        gmail
            .users()
            .messages()
            .get("me", id)
            .setFormat("metadata")
            .setMetadataHeaders(List.of("From", "subject"))
            .execute();

    Set<String> names = new HashSet<>();
    m.getPayload().getHeaders().forEach(h -> names.add(h.getName()));
    assertThat(names).containsExactlyInAnyOrder("From", "Subject");
    assertThat(m.getPayload().getParts()).isNull();
    assertThat(m.getHistoryId()).isNotNull();
    assertThat(m.getSizeEstimate()).isPositive();
  }

  @Test
  void minimalFormatHasNoPayload() throws IOException {
    Message m = gmail.users().messages().get("me", firstId()).setFormat("minimal").execute();

    assertThat(m.getPayload()).isNull();
    assertThat(m.getLabelIds()).isNotEmpty();
    assertThat(m.getThreadId()).isNotBlank();
  }

  @Test
  void fullFormatCarriesTheMimeTreeWithDecodableTextParts() throws IOException {
    Message m = gmail.users().messages().get("me", firstId()).setFormat("full").execute();

    MessagePart text = firstText(m.getPayload()).orElseThrow();
    String decoded = new String(text.getBody().decodeData(), StandardCharsets.UTF_8);
    assertThat(decoded).isNotBlank();
    assertThat(text.getBody().getSize()).isEqualTo(decoded.getBytes(StandardCharsets.UTF_8).length);
    assertThat(m.getPayload().getHeaders())
        .anySatisfy(h -> assertThat(h.getName()).isEqualTo("Message-ID"));
  }

  @Test
  void rawFormatIsTheWholeRfc822MessageOfTheEstimatedSize() throws IOException {
    Message m = gmail.users().messages().get("me", firstId()).setFormat("raw").execute();

    byte[] raw = m.decodeRaw();
    assertThat(raw).hasSize(m.getSizeEstimate());
    assertThat(new String(raw, StandardCharsets.UTF_8)).contains("MIME-Version: 1.0\r\n");
    assertThat(m.getPayload()).isNull();
  }

  private String firstId() throws IOException {
    return gmail
        .users()
        .messages()
        .list("me")
        .setMaxResults(1L)
        .execute()
        .getMessages()
        .get(0)
        .getId();
  }

  private static Optional<MessagePart> firstText(MessagePart part) {
    if ("text/plain".equals(part.getMimeType())) {
      return Optional.of(part);
    }
    if (part.getParts() == null) {
      return Optional.empty();
    }
    return part.getParts().stream()
        .map(GmailMessagesTest::firstText)
        .flatMap(Optional::stream)
        .findFirst();
  }
}
