package dev.officeflow.graphsim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.NewEvent;
import dev.officeflow.graphsim.account.ResourceRig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CalendarViewTest {

  static final Instant WINDOW_START = ResourceRig.NOW.minus(Duration.ofDays(14));
  static final Instant WINDOW_END = ResourceRig.NOW.plus(Duration.ofDays(2));
  static final String VIEW =
      "/me/calendarView?startDateTime=" + WINDOW_START + "&endDateTime=" + WINDOW_END;

  static ResourceRig rig;
  static String token;
  static EventItem inside;
  static EventItem outside;
  static EventItem series;

  @BeforeAll
  static void start() {
    rig = new ResourceRig(ResourceRig.alice());
    token = rig.token(ResourceRig.ALICE);
    GraphAccount alice = rig.account(ResourceRig.ALICE);
    ZonedDateTime now = ResourceRig.NOW.atZone(ZoneOffset.UTC);
    inside =
        alice.addEvent(
            NewEvent.of(
                "Inside",
                now.minusDays(3),
                now.minusDays(3).plusHours(1),
                List.of("x@fabrikam.test")));
    outside =
        alice.addEvent(
            NewEvent.of("Outside", now.minusDays(20), now.minusDays(20).plusHours(1), List.of()));
    series =
        alice.addEvent(
            new NewEvent(
                "Weekly",
                now.minusDays(20),
                now.minusDays(20).plusMinutes(30),
                false,
                List.of("y@fabrikam.test"),
                "",
                "Room 1",
                List.of("RRULE:FREQ=WEEKLY;COUNT=4")));
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void theViewHoldsWhatOverlapsTheWindowAndNothingElse() {
    List<JsonNode> view = rig.all(VIEW + "&%24top=1000", token);

    assertThat(view)
        .extracting(e -> e.get("id").asString())
        .contains(inside.id())
        .doesNotContain(outside.id(), series.id());
    assertThat(view)
        .allSatisfy(
            e -> {
              Instant start = Instant.parse(e.at("/start/dateTime").asString() + "Z");
              Instant end = Instant.parse(e.at("/end/dateTime").asString() + "Z");
              assertThat(start).isBefore(WINDOW_END);
              assertThat(end).isAfter(WINDOW_START);
            });
  }

  @Test
  void aSeriesShowsAsItsOccurrencesInTheWindow() {
    List<JsonNode> occurrences =
        rig.all(VIEW + "&%24top=1000", token).stream()
            .filter(e -> series.id().equals(e.get("seriesMasterId").asString(null)))
            .toList();

    // Weekly from 20 days back: -20 (before the window), -13, -6, +1 days.
    assertThat(occurrences).hasSize(3);
    assertThat(occurrences)
        .allSatisfy(e -> assertThat(e.get("type").asString()).isEqualTo("occurrence"));
    assertThat(occurrences).extracting(e -> e.get("id").asString()).doesNotHaveDuplicates();
  }

  @Test
  void pagingTheViewServesEveryInstanceOnce() {
    List<String> all =
        rig.all(VIEW + "&%24top=1000", token).stream().map(e -> e.get("id").asString()).toList();
    List<String> paged =
        rig.all(VIEW + "&%24top=4", token).stream().map(e -> e.get("id").asString()).toList();

    assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    assertThat(all.size()).isGreaterThan(4);
  }

  @Test
  void aViewWithoutItsWindowIsABadRequest() {
    HttpResponse<String> r = rig.get("/me/calendarView", token);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("ErrorInvalidParameter");
  }

  @Test
  void timesAreWrittenInThePreferredZone() {
    JsonNode e =
        ResourceRig.json(
            rig.get(
                "/me/events/" + inside.id(),
                token,
                "Prefer",
                "outlook.timezone=\"Pacific Standard Time\""));

    assertThat(e.at("/start/timeZone").asString()).isEqualTo("Pacific Standard Time");
    Instant start =
        ZonedDateTime.of(
                java.time.LocalDateTime.parse(e.at("/start/dateTime").asString()),
                java.time.ZoneId.of("America/Los_Angeles"))
            .toInstant();
    assertThat(start).isEqualTo(inside.record().start().instant());
  }

  @Test
  void theSeriesMasterCarriesItsPattern() {
    JsonNode master = ResourceRig.json(rig.get("/me/events/" + series.id(), token));

    assertThat(master.get("type").asString()).isEqualTo("seriesMaster");
    assertThat(master.at("/recurrence/pattern/type").asString()).isEqualTo("weekly");
    assertThat(master.at("/recurrence/range/type").asString()).isEqualTo("numbered");
    assertThat(master.at("/recurrence/range/numberOfOccurrences").asInt()).isEqualTo(4);
    assertThat(master.get("attendees"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.at("/emailAddress/address").asString()).isEqualTo("y@fabrikam.test");
              assertThat(a.at("/status/response").asString()).isEqualTo("none");
            });
    assertThat(master.at("/organizer/emailAddress/address").asString())
        .isEqualTo(ResourceRig.ALICE);
    assertThat(master.at("/responseStatus/response").asString()).isEqualTo("organizer");
  }

  @Test
  void anOccurrenceCanBeReadByItsId() {
    JsonNode first =
        rig.all(VIEW + "&%24top=1000", token).stream()
            .filter(e -> series.id().equals(e.get("seriesMasterId").asString(null)))
            .findFirst()
            .orElseThrow();

    JsonNode read = ResourceRig.json(rig.get("/me/events/" + first.get("id").asString(), token));

    assertThat(read.get("seriesMasterId").asString()).isEqualTo(series.id());
    assertThat(read.at("/start/dateTime").asString())
        .isEqualTo(first.at("/start/dateTime").asString());
  }

  @Test
  void generatedEventsShowAttendeeAnswersInOutlooksWords() {
    List<JsonNode> view =
        rig.all(
            "/me/calendarView?startDateTime="
                + ResourceRig.NOW.minus(Duration.ofDays(31))
                + "&endDateTime="
                + WINDOW_END
                + "&%24top=1000",
            token);

    assertThat(
            view.stream()
                .flatMap(
                    e ->
                        java.util.stream.StreamSupport.stream(
                            e.get("attendees").spliterator(), false)))
        .isNotEmpty()
        .allSatisfy(
            a ->
                assertThat(a.at("/status/response").asString())
                    .isIn("none", "accepted", "declined", "tentativelyAccepted"));
    assertThat(view).anySatisfy(e -> assertThat(e.get("isAllDay").asBoolean()).isTrue());
  }
}
