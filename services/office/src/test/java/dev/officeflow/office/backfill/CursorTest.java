package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

  private static final List<String> PAGE = List.of("m1", "m2", "m3", "m4");

  @Test
  void resumingAPageSkipsWhatWasPublished() {
    Cursor resumed = Cursor.at(new Checkpoint(Phase.GMAIL, "p2", "m2", 102));

    Cursor loaded = resumed.loaded("p2", PAGE, "p3", 2000);

    assertThat(loaded.pending()).containsExactly("m3", "m4");
    assertThat(loaded.checkpoint(Phase.GMAIL))
        .isEqualTo(new Checkpoint(Phase.GMAIL, "p2", "m2", 102));
  }

  @Test
  void resumingAPageWhoseLastItemIsGoneRereadsItAll() {
    Cursor loaded =
        Cursor.at(new Checkpoint(Phase.GMAIL, "p2", "gone", 100)).loaded("p2", PAGE, null, 2000);

    assertThat(loaded.pending()).isEqualTo(PAGE);
  }

  @Test
  void capLimitsWhatIsKeptFromAPage() {
    Cursor loaded =
        Cursor.at(new Checkpoint(Phase.GMAIL, null, null, 1998)).loaded(null, PAGE, "p2", 2000);

    assertThat(loaded.pending()).containsExactly("m1", "m2");
  }

  @Test
  void aBatchMovesTheLastItemAndTheCount() {
    Cursor loaded = Cursor.at(Checkpoint.start(Phase.GMAIL)).loaded(null, PAGE, "p2", 2000);

    Cursor next = loaded.advanced(List.of("m1", "m2"), false, 2000);

    assertThat(next.checkpoint(Phase.GMAIL)).isEqualTo(new Checkpoint(Phase.GMAIL, null, "m2", 2));
    assertThat(next.pending()).containsExactly("m3", "m4");
  }

  @Test
  void aFinishedPageCheckpointsTheNextPage() {
    Cursor loaded = Cursor.at(Checkpoint.start(Phase.GMAIL)).loaded(null, PAGE, "p2", 2000);

    Cursor next = loaded.advanced(PAGE, false, 2000);

    assertThat(next.exhausted()).isFalse();
    assertThat(next.checkpoint(Phase.GMAIL)).isEqualTo(new Checkpoint(Phase.GMAIL, "p2", null, 4));
  }

  @Test
  void theLastPageEndsThePhase() {
    Cursor loaded = Cursor.at(Checkpoint.start(Phase.GMAIL)).loaded(null, PAGE, null, 2000);

    Cursor next = loaded.advanced(PAGE, false, 2000);

    assertThat(next.exhausted()).isTrue();
    assertThat(next.checkpoint(Phase.GMAIL)).isEqualTo(Checkpoint.start(Phase.DONE));
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
        .isEqualTo(Checkpoint.start(Phase.GMAIL));
  }
}
