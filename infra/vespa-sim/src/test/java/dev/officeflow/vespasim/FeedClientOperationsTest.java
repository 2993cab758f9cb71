package dev.officeflow.vespasim;

import static dev.officeflow.vespasim.Fixtures.assign;
import static dev.officeflow.vespasim.Fixtures.email;
import static dev.officeflow.vespasim.Fixtures.emailId;
import static dev.officeflow.vespasim.Fixtures.emailPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.vespa.feed.client.DocumentId;
import ai.vespa.feed.client.FeedClient;
import ai.vespa.feed.client.FeedClientBuilder;
import ai.vespa.feed.client.FeedException;
import ai.vespa.feed.client.OperationParameters;
import ai.vespa.feed.client.Result;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single-document operations through the real vespa-feed-client (HTTP/2 cleartext). */
class FeedClientOperationsTest {

  private static VespaSim sim;
  private static FeedClient feed;
  private static SimHttp http;

  @BeforeAll
  static void start() {
    sim = VespaSim.start(0, Fixtures.SCHEMAS);
    feed = FeedClientBuilder.create(URI.create("http://127.0.0.1:" + sim.port() + "/")).build();
    http = new SimHttp(sim.port());
  }

  @AfterAll
  static void stop() {
    feed.close();
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  @Test
  void aPutDocumentCanBeReadBackInVespasGetShape() throws Exception {
    Result result = await(feed.put(emailId("u1", "m1"), email("u1", "hello", 100), none()));

    assertThat(result.type()).isEqualTo(Result.Type.success);
    SimHttp.Reply get = http.get(emailPath("u1", "m1"));
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.json().path("pathId").asString()).isEqualTo(emailPath("u1", "m1"));
    assertThat(get.json().path("id").asString()).isEqualTo("id:officeflow:email:g=u1:google_m1");
    assertThat(get.json().path("fields").path("title").asString()).isEqualTo("hello");
    assertThat(get.json().path("fields").path("last_updated").asLong()).isEqualTo(100);
  }

  @Test
  void gettingAnAbsentDocumentAnswers404WithPathIdAndId() {
    SimHttp.Reply get = http.get(emailPath("u1", "absent"));

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.json().path("id").asString())
        .isEqualTo("id:officeflow:email:g=u1:google_absent");
    assertThat(get.json().has("fields")).isFalse();
  }

  @Test
  void aConditionalUpdateCarryingAnOlderVersionIsConditionNotMetAndChangesNothing()
      throws Exception {
    await(feed.put(emailId("u1", "m1"), email("u1", "newer", 200), none()));

    Result stale = await(feed.update(emailId("u1", "m1"), titleAt("stale", 100), ifOlderThan(100)));

    assertThat(stale.type()).isEqualTo(Result.Type.conditionNotMet);
    assertThat(stale.resultMessage()).hasValueSatisfying(m -> assertThat(m).contains("Condition"));
    assertThat(storedTitle("m1")).isEqualTo("newer");
    assertThat(sim.stats().conditionFailures()).isEqualTo(1);
  }

  @Test
  void aConditionalUpdateCarryingANewerVersionIsApplied() throws Exception {
    await(feed.put(emailId("u1", "m1"), email("u1", "old", 100), none()));

    Result fresh = await(feed.update(emailId("u1", "m1"), titleAt("fresh", 200), ifOlderThan(200)));

    assertThat(fresh.type()).isEqualTo(Result.Type.success);
    assertThat(storedTitle("m1")).isEqualTo("fresh");
  }

  @Test
  void anUpdateWithCreateIfNonExistentCreatesTheDocumentRegardlessOfItsCondition()
      throws Exception {
    Result created = await(feed.update(emailId("u1", "m2"), titleAt("new", 50), ifOlderThan(50)));

    assertThat(created.type()).isEqualTo(Result.Type.success);
    assertThat(storedTitle("m2")).isEqualTo("new");
  }

  @Test
  void aConditionalUpdateOfAnAbsentDocumentWithoutCreateIsConditionNotMet() throws Exception {
    OperationParameters withoutCreate = OperationParameters.empty().testAndSetCondition("email");

    Result result = await(feed.update(emailId("u1", "m3"), titleAt("x", 1), withoutCreate));

    assertThat(result.type()).isEqualTo(Result.Type.conditionNotMet);
    assertThat(sim.documents("email", "u1")).isEmpty();
  }

  @Test
  void anUnconditionalUpdateOfAnAbsentDocumentSucceedsWithoutCreatingIt() throws Exception {
    Result result = await(feed.update(emailId("u1", "m3"), titleAt("x", 1), none()));

    assertThat(result.type()).isEqualTo(Result.Type.success);
    assertThat(sim.documents("email", "u1")).isEmpty();
  }

  @Test
  void aConditionalPutWithCreateIsAppliedWhenTheDocumentIsAbsent() throws Exception {
    Result result = await(feed.put(emailId("u1", "m4"), email("u1", "first", 10), ifOlderThan(10)));

    assertThat(result.type()).isEqualTo(Result.Type.success);
    assertThat(storedTitle("m4")).isEqualTo("first");
  }

  @Test
  void aConditionalPutWithCreateIsRejectedWhenTheStoredDocumentIsNewer() throws Exception {
    await(feed.put(emailId("u1", "m4"), email("u1", "newer", 300), none()));

    Result result = await(feed.put(emailId("u1", "m4"), email("u1", "older", 10), ifOlderThan(10)));

    assertThat(result.type()).isEqualTo(Result.Type.conditionNotMet);
    assertThat(storedTitle("m4")).isEqualTo("newer");
  }

  @Test
  void aConditionalPutWithoutCreateOnAnAbsentDocumentIsConditionNotMet() throws Exception {
    OperationParameters withoutCreate =
        OperationParameters.empty().testAndSetCondition(Fixtures.olderThan("email", 10));

    Result result = await(feed.put(emailId("u1", "m5"), email("u1", "x", 10), withoutCreate));

    assertThat(result.type()).isEqualTo(Result.Type.conditionNotMet);
  }

  @Test
  void aRemoveDeletesTheDocument() throws Exception {
    await(feed.put(emailId("u1", "m6"), email("u1", "bye", 10), none()));

    Result result = await(feed.remove(emailId("u1", "m6"), none()));

    assertThat(result.type()).isEqualTo(Result.Type.success);
    assertThat(http.get(emailPath("u1", "m6")).status()).isEqualTo(404);
    assertThat(sim.stats().removes()).isEqualTo(1);
  }

  @Test
  void aConditionalRemoveOfAnAbsentDocumentIsConditionNotMet() throws Exception {
    OperationParameters condition = OperationParameters.empty().testAndSetCondition("email");

    Result result = await(feed.remove(emailId("u1", "gone"), condition));

    assertThat(result.type()).isEqualTo(Result.Type.conditionNotMet);
  }

  @Test
  void aPutWithAFieldMissingFromTheSchemaIsRejectedWith400() {
    String body = "{\"fields\":{\"title\":\"x\",\"from_adress\":\"typo@example.com\"}}";

    assertThatThrownBy(() -> await(feed.put(emailId("u1", "m7"), body, none())))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(FeedException.class)
        .hasMessageContaining("Status 400")
        .hasMessageContaining("No field 'from_adress' in the structure of type 'email'");
    assertThat(sim.stats().rejected()).isEqualTo(1);
    assertThat(sim.stats().totalDocuments()).isZero();
  }

  @Test
  void aContactPutWithAnEmailOnlyFieldIsRejected() {
    DocumentId contact = DocumentId.of("officeflow", "contact", "u1", "google_c1");
    String body = "{\"fields\":{\"display_name\":\"Ann\",\"from_address\":\"ann@example.com\"}}";

    assertThatThrownBy(() -> await(feed.put(contact, body, none())))
        .cause()
        .hasMessageContaining("No field 'from_address' in the structure of type 'contact'");
  }

  @Test
  void aPutOfAnUnknownDocumentTypeIsRejectedWith400() {
    DocumentId unknown = DocumentId.of("officeflow", "document", "u1", "google_d1");

    assertThatThrownBy(() -> await(feed.put(unknown, "{\"fields\":{}}", none())))
        .cause()
        .hasMessageContaining("Status 400")
        .hasMessageContaining("Document type document does not exist");
  }

  private static String storedTitle(String providerId) {
    return http.get(emailPath("u1", providerId)).json().path("fields").path("title").asString();
  }

  private static String titleAt(String title, long lastUpdated) {
    return assign(Map.of("title", "\"" + title + "\"", "last_updated", Long.toString(lastUpdated)));
  }

  /** The loader's parameters: create if absent, else only when the stored copy is older. */
  private static OperationParameters ifOlderThan(long lastUpdated) {
    return OperationParameters.empty()
        .createIfNonExistent(true)
        .testAndSetCondition(Fixtures.olderThan("email", lastUpdated));
  }

  private static OperationParameters none() {
    return OperationParameters.empty();
  }

  private static Result await(CompletableFuture<Result> result) throws Exception {
    return result.get(30, TimeUnit.SECONDS);
  }
}
