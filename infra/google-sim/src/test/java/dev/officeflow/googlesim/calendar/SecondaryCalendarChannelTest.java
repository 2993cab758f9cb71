package dev.officeflow.googlesim.calendar;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static dev.officeflow.googlesim.SimFixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import com.sun.net.httpserver.HttpServer;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.admin.EventUpdate;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecondaryCalendarChannelTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
  private GoogleSim sim;
  private HttpServer receiver;
  private String address;

  @BeforeEach
  void start() throws IOException {
    sim = SimFixtures.start(clock, SimFixtures.aliceWithCalendars());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(Map.copyOf(exchange.getRequestHeaders()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    sim.close();
  }

  @Test
  void aChannelOnASecondaryCalendarIsNotifiedOfItsChangesOnly() throws IOException {
    Calendar calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
    Channel team = watch(calendar, TEAM, "team-channel");
    Channel primary = watch(calendar, "primary", "primary-channel");
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);

    String teamEvent = sim.admin().events(ALICE, TEAM).get(0).id();
    sim.admin().updateEvent(ALICE, TEAM, teamEvent, EventUpdate.summary("Moved"));
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);

    Map<String, List<String>> change = received.get(2);
    assertThat(header(change, "X-goog-channel-id")).isEqualTo("team-channel");
    assertThat(header(change, "X-goog-resource-state")).isEqualTo("exists");
    assertThat(header(change, "X-goog-resource-id")).isEqualTo(team.getResourceId());
    assertThat(header(change, "X-goog-resource-uri")).contains("/calendars/" + TEAM + "/events");
    assertThat(team.getResourceId()).isNotEqualTo(primary.getResourceId());
    assertThat(sim.admin().streaming(ALICE).calendarChannels()).isEqualTo(2);
  }

  @Test
  void aChangeInThePrimaryCalendarDoesNotNotifyASecondaryCalendarsChannel() throws IOException {
    Calendar calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
    watch(calendar, TEAM, "team-only");
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

    String primaryEvent = sim.admin().events(ALICE, "primary").get(0).id();
    sim.admin().updateEvent(ALICE, primaryEvent, EventUpdate.summary("Elsewhere"));
    String teamEvent = sim.admin().events(ALICE, TEAM).get(0).id();
    sim.admin().updateEvent(ALICE, teamEvent, EventUpdate.summary("Here"));
    // Exactly two messages (sync, then the team change) and no third one for a while.
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received.size() == 2);

    assertThat(header(received.get(1), "X-goog-message-number")).isEqualTo("2");
  }

  private Channel watch(Calendar calendar, String calendarId, String id) throws IOException {
    return calendar
        .events()
        .watch(calendarId, new Channel().setId(id).setType("web_hook").setAddress(address))
        .execute();
  }

  private static String header(Map<String, List<String>> headers, String name) {
    return headers.get(name).get(0);
  }
}
