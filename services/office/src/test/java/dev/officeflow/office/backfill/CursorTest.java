package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

  private static final List<String> PAGE = List.of("m1", "m2", "m3", "m4");

  @Test
  void resumingAPageSkipsWhatWasPublished() {
    Cursor resumed = Cursor.at(new Checkpoint(Phase.MAIL, "p2", "m2", 102));

    Cursor loaded = resumed.loaded("p2", PAGE, "p3", 2000);

    assertThat(loaded.pending()).containsExactly("m3", "m4");
    assertThat(loaded.checkpoint(Phase.MAIL))
        .isEqualTo(new Checkpoint(Phase.MAIL, "p2", "m2", 102));
  }

  @Test
  void resumingAPageWhoseLastItemIsGoneRereadsItAll() {
    Cursor loaded =
        Cursor.at(new Checkpoint(Phase.MAIL, "p2", "gone", 100)).loaded("p2", PAGE, null, 2000);

    assertThat(loaded.pending()).isEqualTo(PAGE);
  }

  @Test
  void capLimitsWhatIsKeptFromAPage() {
    Cursor loaded =
        Cursor.at(new Checkpoint(Phase.MAIL, null, null, 1998)).loaded(null, PAGE, "p2", 2000);

    assertThat(loaded.pending()).containsExactly("m1", "m2");
  }

  @Test
  void aBatchMovesTheLastItemAndTheCount() {
    Cursor loaded = Cursor.at(Checkpoint.start(Phase.MAIL)).loaded(null, PAGE, "p2", 2000);

    Cursor next = loaded.advanced(List.of("m1", "m2"), false, 2000);

    assertThat(next.checkpoint(Phase.MAIL)).isEqualTo(new Checkpoint(Phase.MAIL, null, "m2", 2));
    assertThat(next.pending()).containsExactly("m3", "m4");
  }

  @Test
  void aFinishedPageCheckpointsTheNextPage() {
    Cursor loaded = Cursor.at(Checkpoint.start(Phase.MAIL)).loaded(null, PAGE, "p2", 2000);

    Cursor next = loaded.advanced(PAGE, false, 2000);

    assertThat(next.exhausted()).isFalse();
    assertThat(next.checkpoint(Phase.MAIL)).isEqualTo(new Checkpoint(Phase.MAIL, "p2", null, 4));
  }

  @Test
  void theLastPageEndsThePhase() {
    Cursor loaded = Cursor.at(Checkpoint.start(Phase.CONTACTS)).loaded(null, PAGE, null, 2000);

    Cursor next = loaded.advanced(PAGE, false, 2000);

    assertThat(next.exhausted()).isTrue();
    assertThat(next.checkpoint(Phase.CONTACTS)).isEqualTo(Checkpoint.start(Phase.DONE));
    assertThat(loaded.advanced(PAGE, false, 2000).checkpoint(Phase.MAIL))
        .isEqualTo(Checkpoint.start(Phase.CONTACTS));
  }

  @Test
  void aCalendarPageCheckpointsItsSuccessor() {
    Cursor next = Cursor.at(Checkpoint.start(Phase.CALENDAR)).nextPage("c2", 250, 2000);

    assertThat(next.checkpoint(Phase.CALENDAR))
        .isEqualTo(new Checkpoint(Phase.CALENDAR, "c2", null, 250));
    assertThat(
            Cursor.at(Checkpoint.start(Phase.CALENDAR))
                .nextPage(null, 10, 2000)
                .checkpoint(Phase.CALENDAR))
        .isEqualTo(Checkpoint.start(Phase.MAIL));
  }
}
