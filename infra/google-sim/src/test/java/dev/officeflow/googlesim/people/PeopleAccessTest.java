package dev.officeflow.googlesim.people;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.calendar.CalendarScopes;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PeopleAccessTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.aliceWithContacts());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void withoutAContactsScopeConnectionsAre403WithGooglesInsufficientScopesBody()
      throws IOException {
    PeopleService people =
        SimFixtures.people(sim, SimFixtures.token(sim, ALICE, Set.of(CalendarScopes.READONLY)));

    GoogleJsonResponseException e = refused(people, false);

    JsonNode error = PeopleListingTest.error(e);
    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(error.get("status").asString()).isEqualTo("PERMISSION_DENIED");
    assertThat(error.get("message").asString())
        .isEqualTo("Request had insufficient authentication scopes.");
    assertThat(error.at("/details/0/reason").asString())
        .isEqualTo("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    assertThat(error.at("/details/0/metadata/service").asString())
        .isEqualTo("people.googleapis.com");
    assertThat(sim.stats().peopleRequests()).containsEntry(ALICE, 1L);
  }

  @Test
  void theContactsScopeDoesNotOpenTheOtherContacts() {
    PeopleService people =
        SimFixtures.people(
            sim, SimFixtures.token(sim, ALICE, Set.of(PeopleScopes.CONTACTS_READONLY)));

    assertThat(refused(people, true).getStatusCode()).isEqualTo(403);
  }

  @Test
  void peopleReadsBeyondTheUsersQuotaAre429ResourceExhausted() throws IOException {
    sim.admin()
        .setQuota(
            QuotaSettings.defaults()
                .withPeopleRequestsPerMinute(60)
                .withBurst(Duration.ofSeconds(3)));
    PeopleService people = SimFixtures.people(sim, SimFixtures.token(sim, ALICE));
    for (int i = 0; i < 3; i++) {
      list(people);
    }

    GoogleJsonResponseException e =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> list(people));
    clock.advance(Duration.ofSeconds(1));
    list(people);

    JsonNode error = PeopleListingTest.error(e);
    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(error.get("status").asString()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.at("/details/0/reason").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(error.at("/details/0/metadata/quota_limit_value").asString()).isEqualTo("60");
    assertThat(sim.stats().quotaErrors(ALICE)).isEqualTo(1);
    assertThat(sim.stats().peopleRequests()).containsEntry(ALICE, 4L);
  }

  @Test
  void injectedFaultsApplyToPeopleCalls() throws IOException {
    PeopleService people = SimFixtures.people(sim, SimFixtures.token(sim, ALICE));
    sim.admin().failNext(PeopleSource.CONNECTIONS.method(), 1, 503);

    GoogleJsonResponseException e =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> list(people));

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(PeopleListingTest.status(e)).isEqualTo("UNAVAILABLE");
    assertThat(list(people)).isEqualTo(100);
  }

  @Test
  void anExpiredAccessTokenIs401Unauthenticated() throws IOException {
    PeopleService people = SimFixtures.people(sim, SimFixtures.token(sim, ALICE));
    sim.admin().expireAccessTokens(ALICE);

    GoogleJsonResponseException e =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> list(people));

    assertThat(e.getStatusCode()).isEqualTo(401);
    assertThat(PeopleListingTest.status(e)).isEqualTo("UNAUTHENTICATED");
  }

  private static int list(PeopleService people) throws IOException {
    return people
        .people()
        .connections()
        .list("people/me")
        .setPersonFields("names")
        .execute()
        .getConnections()
        .size();
  }

  private static GoogleJsonResponseException refused(PeopleService people, boolean others) {
    return catchThrowableOfType(
        GoogleJsonResponseException.class,
        () -> {
          if (others) {
            people.otherContacts().list().setReadMask("names").execute();
          } else {
            list(people);
          }
        });
  }
}
