package dev.officeflow.googlesim.calendar;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
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

class ChannelNotificationTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
  private GoogleSim sim;
  private HttpServer receiver;

  @BeforeEach
  void start() throws IOException {
    sim = SimFixtures.start(clock, SimFixtures.alice());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/calendar-webhook",
        exchange -> {
          received.add(Map.copyOf(exchange.getRequestHeaders()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    sim.close();
  }

  @Test
  void watchSendsSyncThenEveryChangeSendsExistsWithGooglesHeaders() throws IOException {
    Calendar calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
    String address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/calendar-webhook";

    Channel channel =
        calendar
            .events()
            .watch(
                "primary",
                new Channel()
                    .setId("chan-1")
                    .setType("web_hook")
                    .setAddress(address)
                    .setToken("secret-token"))
            .execute();
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
    String eventId = sim.admin().generated(ALICE).events().get(0).id();
    sim.admin().updateEvent(ALICE, eventId, EventUpdate.summary("Changed"));
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);

    assertThat(channel.getResourceId()).isNotBlank();
    assertThat(channel.getExpiration())
        .isEqualTo(clock.instant().plus(Duration.ofDays(7)).toEpochMilli());
    assertThat(header(0, "X-goog-resource-state")).isEqualTo("sync");
    assertThat(header(0, "X-goog-message-number")).isEqualTo("1");
    assertThat(header(1, "X-goog-resource-state")).isEqualTo("exists");
    assertThat(header(1, "X-goog-message-number")).isEqualTo("2");
    assertThat(header(1, "X-goog-channel-id")).isEqualTo("chan-1");
    assertThat(header(1, "X-goog-channel-token")).isEqualTo("secret-token");
    assertThat(header(1, "X-goog-resource-id")).isEqualTo(channel.getResourceId());
    assertThat(header(1, "X-goog-resource-uri")).isEqualTo(channel.getResourceUri());
    assertThat(header(1, "X-goog-channel-expiration")).endsWith("GMT");
  }

  @Test
  void aStoppedChannelGetsNoMoreNotifications() throws IOException {
    Calendar calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
    String address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/calendar-webhook";
    Channel channel =
        calendar
            .events()
            .watch("primary", new Channel().setId("chan-2").setType("web_hook").setAddress(address))
            .execute();
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

    calendar
        .channels()
        .stop(new Channel().setId("chan-2").setResourceId(channel.getResourceId()))
        .execute();
    sim.admin().cancelEvent(ALICE, sim.admin().generated(ALICE).events().get(1).id());
    sim.admin()
        .updateEvent(
            ALICE, sim.admin().generated(ALICE).events().get(2).id(), EventUpdate.summary("x"));

    calendar
        .events()
        .watch("primary", new Channel().setId("chan-3").setType("web_hook").setAddress(address))
        .execute();
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 2);

    // One sender thread delivers in order: anything still sent on chan-2 would arrive before this.
    assertThat(received).hasSize(2);
    assertThat(header(1, "X-goog-channel-id")).isEqualTo("chan-3");
    assertThat(header(1, "X-goog-resource-state")).isEqualTo("sync");
  }

  private String header(int index, String name) {
    return received.get(index).get(name).get(0);
  }
}
