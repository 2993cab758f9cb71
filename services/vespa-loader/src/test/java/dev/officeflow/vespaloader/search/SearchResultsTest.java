package dev.officeflow.vespaloader.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Hits are checked again after Vespa: only the caller's group, never a tombstone. */
class SearchResultsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aHitOfAnotherGroupOrATombstoneIsDropped() {
    String result =
        """
        {"root": {"fields": {"totalCount": 3}, "children": [
          {"id": "id:officeflow:email:g=ana:google_m1", "relevance": 2.5,
           "fields": {"title": "<hi>Budget</hi> &amp; plan", "content": "<sep />the <hi>budget</hi><sep />",
                      "provider": "google", "provider_id": "m1", "last_updated": 7,
                      "from_address": "bo@example.org"}},
          {"id": "id:officeflow:email:g=bo:google_m2", "relevance": 2.0, "fields": {"title": "budget"}},
          {"id": "id:officeflow:todo:g=ana:google_t1", "relevance": 1.0,
           "fields": {"deleted": true, "title": "budget"}}
        ]}}
        """;

    SearchResults.Page page = SearchResults.read(JSON.readTree(result), "ana");

    assertThat(page.total()).isEqualTo(3);
    assertThat(page.hits())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.type()).isEqualTo("email");
              assertThat(hit.id()).isEqualTo("google_m1");
              assertThat(hit.title()).isEqualTo("Budget & plan");
              assertThat(hit.lastUpdated()).isEqualTo(7L);
              assertThat(hit.details()).containsEntry("from", "bo@example.org");
              assertThat(hit.highlights().get("title"))
                  .containsExactly(new Highlight("Budget", true), new Highlight(" & plan", false));
              assertThat(hit.highlights().get("snippet"))
                  .containsExactly(
                      new Highlight("…the ", false),
                      new Highlight("budget", true),
                      new Highlight("…", false));
            });
  }

  @Test
  void anEmptyResultHasNoHits() {
    SearchResults.Page page =
        SearchResults.read(JSON.readTree("{\"root\": {\"fields\": {\"totalCount\": 0}}}"), "ana");

    assertThat(page.hits()).isEmpty();
    assertThat(page.total()).isZero();
  }
}
