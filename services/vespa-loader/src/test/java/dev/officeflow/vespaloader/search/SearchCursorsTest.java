package dev.officeflow.vespaloader.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchCursorsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final String KEY = "a-test-search-cursor-key-of-32-characters";

  private final SearchCursors cursors =
      new SearchCursors(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

  @Test
  void aCursorGivesBackItsOffsetForTheSameSearch() {
    String cursor = cursors.issue(query("ana", "budget"), 40);

    assertThat(cursors.offset(query("ana", "budget"), cursor)).isEqualTo(40);
  }

  @Test
  void anotherUsersCursorIsRefused() {
    String cursor = cursors.issue(query("ana", "budget"), 20);

    assertThatThrownBy(() -> cursors.offset(query("bo", "budget"), cursor))
        .hasMessageContaining("another search");
  }

  @Test
  void aCursorOfAnotherQueryTypesOrLimitIsRefused() {
    String cursor = cursors.issue(query("ana", "budget"), 20);

    assertThatThrownBy(() -> cursors.offset(query("ana", "budgets"), cursor))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                cursors.offset(
                    new SearchQuery("ana", "budget", Set.of(SearchType.EMAIL), 20, 0), cursor))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                cursors.offset(
                    new SearchQuery("ana", "budget", EnumSet.allOf(SearchType.class), 10, 0),
                    cursor))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEditedOffsetIsRefused() {
    byte[] bytes =
        java.util.Base64.getUrlDecoder().decode(cursors.issue(query("ana", "budget"), 20));
    bytes[4] = 99;
    String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThatThrownBy(() -> cursors.offset(query("ana", "budget"), edited))
        .hasMessageContaining("another search");
  }

  @Test
  void anExpiredCursorIsRefused() {
    String cursor = cursors.issue(query("ana", "budget"), 20);
    SearchCursors later =
        new SearchCursors(
            KEY,
            Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC),
            Duration.ofHours(1));

    assertThatThrownBy(() -> later.offset(query("ana", "budget"), cursor))
        .hasMessageContaining("expired");
  }

  @Test
  void garbageIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> cursors.offset(query("ana", "budget"), "<script>"))
        .hasMessage("the cursor is not one this API issued");
    assertThatThrownBy(() -> cursors.offset(query("ana", "budget"), "AAAA"))
        .hasMessage("the cursor is not one this API issued");
  }

  private static SearchQuery query(String user, String text) {
    return new SearchQuery(user, text, EnumSet.allOf(SearchType.class), 20, 0);
  }
}
