package dev.officeflow.graphsim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.EventUpdate;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.NewEvent;
import dev.officeflow.graphsim.account.ResourceRig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CalendarDeltaTest {

  static final Instant START = ResourceRig.NOW.minus(Duration.ofDays(30));
  static final Instant END = ResourceRig.NOW.plus(Duration.ofDays(2));
  static final ZonedDateTime NOW = ResourceRig.NOW.atZone(ZoneOffset.UTC);

  ResourceRig rig;
  String token;
  GraphAccount alice;

  @BeforeEach
  void start() {
    rig = new ResourceRig(ResourceRig.alice());
    token = rig.token(ResourceRig.ALICE);
    alice = rig.account(ResourceRig.ALICE);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private ResourceRig.Round initial() {
    return rig.round(
        rig.sim.graphUrl()
            + "/me/calendarView/delta?startDateTime="
            + START
            + "&endDateTime="
            + END,
        token,
        "Prefer",
        "odata.maxpagesize=7");
  }

  @Test
  void theFirstRoundHoldsTheSameInstancesAsTheView() {
    ResourceRig.Round round = initial();
    Set<String> view =
        rig
            .all(
                "/me/calendarView?startDateTime=" + START + "&endDateTime=" + END + "&%24top=1000",
                token)
            .stream()
            .map(e -> e.get("id").asString())
            .collect(Collectors.toSet());

    assertThat(round.entries()).hasSize(view.size());
    assertThat(round.ids()).isEqualTo(view);
    assertThat(round.deltaLink()).contains("/me/calendarView/delta?%24deltatoken=");
  }

  @Test
  void laterRoundsReportCreatedMovedOutAndDeletedEvents() {
    EventItem moving =
        alice.addEvent(
            NewEvent.of("Moves", NOW.minusDays(2), NOW.minusDays(2).plusHours(1), List.of()));
    EventItem doomed =
        alice.addEvent(
            NewEvent.of("Doomed", NOW.minusDays(1), NOW.minusDays(1).plusHours(1), List.of()));
    ResourceRig.Round first = initial();
    assertThat(first.ids()).contains(moving.id(), doomed.id());

    EventItem created =
        alice.addEvent(
            NewEvent.of("New", NOW.plusHours(3), NOW.plusHours(4), List.of("z@fabrikam.test")));
    alice.updateEvent(
        moving.id(), EventUpdate.moved(NOW.plusDays(10), NOW.plusDays(10).plusHours(1)));
    alice.deleteEvent(doomed.id());
    ResourceRig.Round next = rig.round(first.deltaLink(), token);

    assertThat(next.ids()).containsExactlyInAnyOrder(created.id(), moving.id(), doomed.id());
    assertThat(reason(next, moving.id())).isEqualTo("changed");
    assertThat(reason(next, doomed.id())).isEqualTo("deleted");
    assertThat(entry(next, created.id()).get("subject").asString()).isEqualTo("New");
  }

  @Test
  void aCancelledMeetingComesBackAsAnUpdateMarkedCancelled() {
    EventItem meeting =
        alice.addEvent(
            NewEvent.of(
                "Sync",
                NOW.minusDays(2),
                NOW.minusDays(2).plusHours(1),
                List.of("q@fabrikam.test")));
    ResourceRig.Round first = initial();

    alice.updateEvent(meeting.id(), EventUpdate.cancel());
    ResourceRig.Round next = rig.round(first.deltaLink(), token);

    assertThat(entry(next, meeting.id()).get("isCancelled").asBoolean()).isTrue();
  }

  @Test
  void theDeltaTakesNoSelectLikeGraph() {
    assertThat(
            rig.get(
                    "/me/calendarView/delta?startDateTime="
                        + START
                        + "&endDateTime="
                        + END
                        + "&%24select=subject",
                    token)
                .statusCode())
        .isEqualTo(400);
  }

  private static JsonNode entry(ResourceRig.Round round, String id) {
    return round.entries().stream()
        .filter(e -> e.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static String reason(ResourceRig.Round round, String id) {
    return entry(round, id).at("/@removed/reason").asString();
  }
}
