package dev.officeflow.vespaloader.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.vespaloader.FakeVespa;
import dev.officeflow.vespaloader.feed.FeedSettings;
import dev.officeflow.vespasim.VespaSim;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupPurgerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theDeleteSelectsTheWholeGroupOfTheTypeInTheContentCluster() {
    GroupPurger purger = new GroupPurger(HTTP, FeedSettings.of(URI.create("http://vespa:8080")));

    URI uri = purger.uri("email", "ana maria", null);

    assertThat(uri.toString())
        .isEqualTo(
            "http://vespa:8080/document/v1/officeflow/email/group/ana%20maria/"
                + "?selection=true&cluster=officeflow");
  }

  @Test
  void everyDataTypesDoctypeIsPurged() {
    assertThat(GroupPurger.DOCTYPES)
        .containsExactly("email", "calendar_event", "contact", "office_document", "todo");
  }

  @Test
  void purgingAUserRemovesTheirDocumentsOfEveryTypeAndNobodyElses() throws Exception {
    try (VespaSim sim = VespaSim.start(0, Path.of("../../infra/vespa/schemas"))) {
      URI endpoint = URI.create("http://127.0.0.1:" + sim.port() + "/");
      for (String doctype : GroupPurger.DOCTYPES) {
        put(endpoint, doctype, "doomed", "google_1");
        put(endpoint, doctype, "doomed", "google_2");
      }
      put(endpoint, "email", "kept", "google_1");

      Long removed = new GroupPurger(HTTP, FeedSettings.of(endpoint)).purge("doomed").block(WAIT);

      assertThat(removed).isEqualTo(10);
      assertThat(sim.stats().totalDocuments()).isEqualTo(1);
      assertThat(sim.documents("email", "kept")).hasSize(1);
    }
  }

  @Test
  void aDeleteIsRepeatedWithVespasContinuationUntilNoneIsReturned() {
    try (FakeVespa vespa =
        FakeVespa.answering(
            uri ->
                uri.getQuery().contains("continuation=")
                    ? new FakeVespa.Reply(200, "{\"documentCount\":2}")
                    : new FakeVespa.Reply(
                        200, "{\"documentCount\":3,\"continuation\":\"AAAB+/=\"}"))) {

      Long removed =
          new GroupPurger(HTTP, FeedSettings.of(vespa.endpoint())).purge("u1").block(WAIT);

      assertThat(removed).isEqualTo(5L * GroupPurger.DOCTYPES.size());
      List<URI> requests = vespa.requests();
      assertThat(requests).hasSize(2 * GroupPurger.DOCTYPES.size());
      assertThat(requests.get(0).getRawPath()).isEqualTo("/document/v1/officeflow/email/group/u1/");
      assertThat(requests.get(1).getRawQuery()).endsWith("&continuation=AAAB%2B%2F%3D");
    }
  }

  private static void put(URI endpoint, String doctype, String group, String id) throws Exception {
    URI uri = endpoint.resolve("document/v1/officeflow/" + doctype + "/group/" + group + "/" + id);
    String body = "{\"fields\":{\"user_id\":\"" + group + "\"}}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
