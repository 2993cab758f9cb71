package dev.officeflow.googlesim.quota;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaErrorsTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.alice());
    // 60 units a minute = 1 unit/s; 10 s of burst = 10 units = two messages.get.
    sim.admin()
        .setQuota(
            QuotaSettings.defaults().withGmailUnitsPerMinute(60).withCalendarRequestsPerMinute(6));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void gmailBeyondTheBucketIs429RateLimitExceededParsedByTheClient() throws IOException {
    Gmail gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));
    String id = sim.admin().generated(ALICE).messages().get(0).id();
    gmail.users().messages().get("me", id).execute();
    gmail.users().messages().get("me", id).execute();

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().messages().get("me", id).execute());

    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
    assertThat(e.getDetails().getErrors().get(0).getDomain()).isEqualTo("usageLimits");
    assertThat(e.getDetails().getMessage())
        .startsWith("User-rate limit exceeded.  Retry after 2026-11-20T12:00:05");
    assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(sim.stats().quotaErrors(ALICE)).isEqualTo(1);
  }

  @Test
  void theBucketRefillsWithTheInjectedClock() throws IOException {
    Gmail gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));
    String id = sim.admin().generated(ALICE).messages().get(0).id();
    gmail.users().messages().get("me", id).execute();
    gmail.users().messages().get("me", id).execute();

    clock.advance(Duration.ofSeconds(5));

    assertThat(gmail.users().messages().get("me", id).execute().getId()).isEqualTo(id);
    assertThat(sim.stats().gmailUnits().get(ALICE)).isEqualTo(15L);
  }

  @Test
  void calendarBeyondTheBucketIs403UserRateLimitExceeded() throws IOException {
    var calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
    calendar.events().list("primary").execute();

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> calendar.events().list("primary").execute());

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("userRateLimitExceeded");
  }

  @Test
  void calendarCanAnswer429InsteadWhenConfigured() throws IOException {
    sim.admin().setQuota(sim.admin().quota().withCalendarStatus(429));
    var calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
    calendar.events().list("primary").execute();

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> calendar.events().list("primary").execute());

    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
  }
}
