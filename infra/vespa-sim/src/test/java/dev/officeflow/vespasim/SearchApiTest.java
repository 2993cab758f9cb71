package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /search/} against the whole application package: the query shapes officeflow sends
 * (streaming groups, {@code userInput}, sources, hits and offset, rank profiles), Vespa's result
 * and error JSON, and highlights.
 */
class SearchApiTest {

  private static final String LIVE =
      "select * from sources %s where ({defaultIndex: \"default\", grammar: \"all\"}userInput(@q))"
          + " and !(deleted = true)";

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
  }

  @Test
  void aStreamingQuerySearchesOnlyItsGroup() {
    feedEmail("u1", "m1", "Quarterly budget", "numbers for the budget review");
    feedEmail("u2", "m1", "Quarterly budget", "numbers for the budget review");

    JsonNode root = search("u1", "*", "budget", "").json().path("root");

    assertThat(root.path("fields").path("totalCount").asInt()).isEqualTo(1);
    assertThat(ids(root)).containsExactly("id:officeflow:email:g=u1:google_m1");
    JsonNode hit = root.path("children").get(0);
    assertThat(hit.path("source").asString()).isEqualTo("officeflow");
    assertThat(hit.path("fields").path("sddocname").asString()).isEqualTo("email");
    assertThat(hit.path("relevance").asDouble()).isPositive();
  }

  @Test
  void tombstonesAreLeftOutByTheWhereClauseNotByTheSim() {
    feedEmail("u1", "m1", "budget", "live");
    http.post(
        "/document/v1/officeflow/email/group/u1/google_m2",
        "{\"fields\":{\"user_id\":\"u1\",\"title\":\"budget\",\"deleted\":true,\"deleted_at\":"
            + System.currentTimeMillis()
            + "}}");

    JsonNode filtered = search("u1", "*", "budget", "").json().path("root");
    JsonNode unfiltered =
        http.get(
                "/search/?streaming.groupname=u1&query=budget&yql="
                    + encode("select * from sources * where userQuery()"))
            .json()
            .path("root");

    assertThat(ids(filtered)).containsExactly("id:officeflow:email:g=u1:google_m1");
    assertThat(unfiltered.path("fields").path("totalCount").asInt()).isEqualTo(2);
  }

  @Test
  void userInputIsTextEvenWhenItLooksLikeYql() {
    feedEmail("u1", "m1", "where is the report", "select the numbers; then 1=1");
    feedEmail("u1", "m2", "other", "nothing here");

    String hostile = "\" or true) or userQuery() where 1=1; --";
    SimHttp.Reply reply = search("u1", "*", hostile, "");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("root").path("fields").path("totalCount").asInt()).isZero();
    assertThat(ids(search("u1", "*", "1=1; where", "").json().path("root")))
        .containsExactly("id:officeflow:email:g=u1:google_m1");
  }

  @Test
  void everyWordMustMatchAndExcludedWordsMustNot() {
    feedEmail("u1", "m1", "budget review", "");
    feedEmail("u1", "m2", "budget draft", "");

    assertThat(ids(search("u1", "*", "budget review", "").json().path("root")))
        .containsExactly("id:officeflow:email:g=u1:google_m1");
    assertThat(ids(search("u1", "*", "budget -review", "").json().path("root")))
        .containsExactly("id:officeflow:email:g=u1:google_m2");
    assertThat(ids(search("u1", "*", "\"review budget\"", "").json().path("root"))).isEmpty();
  }

  @Test
  void sourcesLimitTheTypesSearched() {
    feedEmail("u1", "m1", "budget", "");
    http.post(
        "/document/v1/officeflow/todo/group/u1/google_t1",
        "{\"fields\":{\"user_id\":\"u1\",\"title\":\"budget todo\",\"last_updated\":1}}");

    assertThat(ids(search("u1", "todo", "budget", "").json().path("root")))
        .containsExactly("id:officeflow:todo:g=u1:google_t1");
    assertThat(ids(search("u1", "email, todo", "budget", "").json().path("root"))).hasSize(2);
  }

  @Test
  void hitsAndOffsetPageThroughTheRankedHits() {
    for (int i = 0; i < 5; i++) {
      feedEmail("u1", "m" + i, "budget " + "budget ".repeat(i), "");
    }

    List<String> all = ids(search("u1", "*", "budget", "&hits=5&ranking=bm25").json().path("root"));
    List<String> page = ids(search("u1", "*", "budget", "&hits=2&offset=2").json().path("root"));

    assertThat(all).hasSize(5);
    assertThat(page).containsExactlyElementsOf(all.subList(2, 4));
  }

  @Test
  void theRecencyProfileRanksANewerDocumentFirst() {
    long now = System.currentTimeMillis();
    feedEmailAt("u1", "old", "budget", now - 120L * 86_400_000);
    feedEmailAt("u1", "new", "budget", now);

    List<String> ranked = ids(search("u1", "*", "budget", "&ranking=recency").json().path("root"));

    assertThat(ranked)
        .containsExactly(
            "id:officeflow:email:g=u1:google_new", "id:officeflow:email:g=u1:google_old");
  }

  @Test
  void anUnknownRankProfileIsVespasInvalidParameterError() {
    SimHttp.Reply reply = search("u1", "*", "budget", "&ranking=nope");

    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json().path("root").path("errors").get(0);
    assertThat(error.path("code").asInt()).isEqualTo(4);
    assertThat(error.path("summary").asString()).isEqualTo("Invalid query parameter");
    assertThat(error.path("message").asString()).contains("nope");
  }

  @Test
  void aYqlTheSimCannotParseIsAnError() {
    SimHttp.Reply reply =
        http.get("/search/?yql=" + encode("select * from sources * where title matches \"x\""));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("root").path("errors").get(0).path("message").asString())
        .startsWith("Could not instantiate query from YQL");
  }

  @Test
  void aStoreOnlyTypeCannotBeSearched() {
    SimHttp.Reply reply = search("u1", "forgotten_user", "x", "");

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void titlesAreBoldedAndLongContentIsASnippetAroundTheMatch() {
    String body =
        "lorem ipsum ".repeat(40) + "the budget <b>is</b> final " + "dolor sit ".repeat(40);
    feedEmail("u1", "m1", "Budget & plans", body);

    JsonNode fields =
        search("u1", "*", "budget", "").json().path("root").path("children").get(0).path("fields");

    assertThat(fields.path("title").asString()).isEqualTo("<hi>Budget</hi> &amp; plans");
    String snippet = fields.path("content").asString();
    assertThat(snippet).contains("the <hi>budget</hi> &lt;b&gt;is&lt;/b&gt; final");
    assertThat(snippet).startsWith("<sep />").endsWith("<sep />");
    assertThat(snippet.length()).isLessThan(body.length());
  }

  @Test
  void aPostWithJsonParametersIsTheSameQuery() {
    feedEmail("u1", "m1", "budget", "");
    feedEmail("u2", "m1", "budget", "");

    SimHttp.Reply reply =
        http.post(
            "/search/",
            "{\"yql\": \"select * from sources * where userInput(@q)\", \"q\": \"budget\","
                + " \"hits\": 5, \"ranking\": {\"profile\": \"bm25\"},"
                + " \"streaming.groupname\": \"u2\"}");

    assertThat(ids(reply.json().path("root")))
        .containsExactly("id:officeflow:email:g=u2:google_m1");
  }

  private static SimHttp.Reply search(String group, String sources, String q, String extra) {
    return http.get(
        "/search/?streaming.groupname="
            + group
            + "&q="
            + encode(q)
            + "&yql="
            + encode(String.format(LIVE, sources))
            + extra);
  }

  private static void feedEmail(String user, String id, String title, String content) {
    String body =
        "{\"fields\":{\"user_id\":\""
            + user
            + "\",\"doc_type\":\"email\",\"title\":"
            + Json.MAPPER.writeValueAsString(title)
            + ",\"content\":"
            + Json.MAPPER.writeValueAsString(content)
            + ",\"last_updated\":1}}";
    assertThat(http.post(Fixtures.emailPath(user, id), body).status()).isEqualTo(200);
  }

  private static void feedEmailAt(String user, String id, String title, long lastUpdated) {
    String body =
        "{\"fields\":{\"user_id\":\""
            + user
            + "\",\"title\":\""
            + title
            + "\",\"last_updated\":"
            + lastUpdated
            + "}}";
    assertThat(http.post(Fixtures.emailPath(user, id), body).status()).isEqualTo(200);
  }

  private static List<String> ids(JsonNode root) {
    List<String> ids = new ArrayList<>();
    root.path("children").values().forEach(hit -> ids.add(hit.path("id").asString()));
    return ids;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
