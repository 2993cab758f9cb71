package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Visiting and delete-where over HTTP/1.1, as curl or a purge job would use them. */
class VisitingTest {

  private static final String ALICE = "/document/v1/officeflow/email/group/alice";
  private static final String BOB = "/document/v1/officeflow/email/group/bob";

  private static VespaSim sim;
  private static SimHttp http;

  @BeforeAll
  static void start() {
    sim = VespaSim.start(0, Fixtures.SCHEMAS);
    http = new SimHttp(sim.port());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
    IntStream.range(0, 5).forEach(i -> putEmail("alice", i));
    IntStream.range(0, 3).forEach(i -> putEmail("bob", i));
    http.post(
        "/document/v1/officeflow/contact/group/alice/google_c1",
        "{\"fields\":{\"display_name\":\"Carol\"}}");
  }

  @Test
  void visitingAGroupReturnsOnlyThatGroupsDocumentsOfThatType() {
    SimHttp.Reply visit = http.get(ALICE + "/");

    assertThat(visit.status()).isEqualTo(200);
    assertThat(visit.json().path("pathId").asString()).isEqualTo(ALICE + "/");
    assertThat(visit.json().path("documentCount").asInt()).isEqualTo(5);
    assertThat(ids(visit.json())).allMatch(id -> id.startsWith("id:officeflow:email:g=alice:"));
    assertThat(visit.json().path("documents").get(0).path("fields").path("title").asString())
        .isEqualTo("subject 0");
    assertThat(visit.json().has("continuation")).isFalse();
  }

  @Test
  void wantedDocumentCountPagesThroughTheGroupWithContinuationTokens() {
    List<String> seen = new ArrayList<>();
    String query = "?wantedDocumentCount=2";
    int pages = 0;
    while (query != null) {
      JsonNode page = http.get(ALICE + query).json();
      seen.addAll(ids(page));
      pages++;
      String token = page.path("continuation").asString(null);
      query = token == null ? null : "?wantedDocumentCount=2&continuation=" + token;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void aSelectionNarrowsTheVisit() {
    SimHttp.Reply visit = http.get(ALICE + "?selection=email.last_updated%3E%3D3");

    assertThat(ids(visit.json()))
        .containsExactly(
            "id:officeflow:email:g=alice:google_m3", "id:officeflow:email:g=alice:google_m4");
  }

  @Test
  void deletingAGroupWithSelectionTrueRemovesItsDocumentsAndLeavesOtherGroupsAndTypes() {
    SimHttp.Reply delete = http.delete(ALICE + "?selection=true&cluster=officeflow");

    assertThat(delete.status()).isEqualTo(200);
    assertThat(delete.json().path("documentCount").asInt()).isEqualTo(5);
    assertThat(sim.documents("email", "alice")).isEmpty();
    assertThat(sim.documents("email", "bob")).hasSize(3);
    assertThat(sim.documents("contact", "alice")).hasSize(1);
  }

  @Test
  void aDeleteWhereRemovesOnlyTheDocumentsItsSelectionMatches() {
    http.delete(BOB + "?selection=email.last_updated%3C2");

    assertThat(sim.documents("email", "bob"))
        .extracting(StoredDocument::id)
        .containsExactly("id:officeflow:email:g=bob:google_m2");
  }

  @Test
  void aDeleteWhereWithoutSelectionIsRejectedAndDeletesNothing() {
    SimHttp.Reply delete = http.delete(ALICE);

    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.json().path("message").asString()).contains("selection");
    assertThat(sim.documents("email", "alice")).hasSize(5);
  }

  @Test
  void visitingAnUnknownDocumentTypeIsRejected() {
    SimHttp.Reply visit = http.get("/document/v1/officeflow/document/group/alice/");

    assertThat(visit.status()).isEqualTo(400);
    assertThat(visit.json().path("message").asString()).contains("document does not exist");
  }

  private static void putEmail(String user, int i) {
    SimHttp.Reply put =
        http.post(
            "/document/v1/officeflow/email/group/" + user + "/google_m" + i,
            Fixtures.email(user, "subject " + i, i));
    assertThat(put.status()).isEqualTo(200);
  }

  private static List<String> ids(JsonNode visit) {
    List<String> ids = new ArrayList<>();
    visit.path("documents").values().forEach(doc -> ids.add(doc.path("id").asString()));
    return ids;
  }
}
