package dev.officeflow.graphsim.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.graphsim.web.GraphException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceivedFilterTest {

  static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void geKeepsTheBoundAndGtDropsIt() {
    assertThat(ReceivedFilter.parse("receivedDateTime ge 2026-11-01T00:00:00Z").matches(T))
        .isTrue();
    assertThat(ReceivedFilter.parse("receivedDateTime gt 2026-11-01T00:00:00Z").matches(T))
        .isFalse();
  }

  @Test
  void twoBoundsJoinedByAndMakeARange() {
    ReceivedFilter f =
        ReceivedFilter.parse(
            "receivedDateTime ge 2026-10-01T00:00:00Z and receivedDateTime lt 2026-11-01T00:00:00Z");

    assertThat(f.matches(T.minusSeconds(1))).isTrue();
    assertThat(f.matches(T)).isFalse();
    assertThat(f.matches(Instant.parse("2026-09-30T23:59:59Z"))).isFalse();
    assertThat(f.isLowerBoundOnly()).isFalse();
  }

  @Test
  void offsetsAndBareDatesAreRead() {
    assertThat(ReceivedFilter.parse("receivedDateTime ge 2026-11-01T02:00:00+02:00").from())
        .isEqualTo(T);
    assertThat(ReceivedFilter.parse("ReceivedDateTime GE 2026-11-01").from()).isEqualTo(T);
  }

  @Test
  void theFilterRoundTripsThroughItsODataForm() {
    ReceivedFilter f =
        ReceivedFilter.parse(
            "receivedDateTime gt 2026-11-01T00:00:00Z and receivedDateTime le 2026-11-02T00:00:00Z");

    assertThat(ReceivedFilter.parse(f.odata())).isEqualTo(f);
  }

  @Test
  void anotherPropertyIsAnInvalidNode() {
    assertThatThrownBy(() -> ReceivedFilter.parse("isRead eq false"))
        .isInstanceOf(GraphException.class)
        .satisfies(
            e -> assertThat(((GraphException) e).code()).isEqualTo("ErrorInvalidUrlQueryFilter"));
  }

  @Test
  void aBadTimeOrClauseIsABadRequest() {
    assertThatThrownBy(() -> ReceivedFilter.parse("receivedDateTime ge yesterday"))
        .isInstanceOf(GraphException.class)
        .satisfies(e -> assertThat(((GraphException) e).status()).isEqualTo(400));
    assertThatThrownBy(() -> ReceivedFilter.parse("receivedDateTime"))
        .isInstanceOf(GraphException.class)
        .satisfies(e -> assertThat(((GraphException) e).code()).isEqualTo("BadRequest"));
  }
}
