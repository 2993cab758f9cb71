package dev.officeflow.googlesim.people;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import com.google.api.services.people.v1.model.Person;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.admin.ContactUpdate;
import dev.officeflow.googlesim.admin.NewContact;
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleSyncTest {

  private static final String FIELDS = PeopleListingTest.FIELDS;

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private PeopleService people;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.aliceWithContacts());
    people = SimFixtures.people(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anIncrementalSyncReturnsAddedChangedAndDeletedContacts() throws IOException {
    String token = fullSync(new ArrayList<>());
    List<PersonRecord> before = sim.admin().people().contacts(ALICE);
    String added =
        sim.admin().people().addContact(ALICE, NewContact.of("Nora", "Quist", "nora@new.test"));
    sim.admin()
        .people()
        .updateContact(ALICE, before.get(3).resourceName(), ContactUpdate.names("Ann", "Lee"));
    String deleted = before.get(7).resourceName();
    sim.admin().people().deleteContact(ALICE, deleted);

    ListConnectionsResponse delta = connections(token, null);

    assertThat(delta.getConnections())
        .extracting(Person::getResourceName)
        .containsExactly(added, before.get(3).resourceName(), deleted);
    assertThat(delta.getConnections().get(0).getEmailAddresses().get(0).getValue())
        .isEqualTo("nora@new.test");
    assertThat(delta.getConnections().get(1).getNames().get(0).getDisplayName())
        .isEqualTo("Ann Lee");
    Person tombstone = delta.getConnections().get(2);
    assertThat(tombstone.getMetadata().getDeleted()).isTrue();
    assertThat(tombstone.getNames()).isNull();
    assertThat(connections(delta.getNextSyncToken(), null).getConnections()).isNull();
  }

  @Test
  void otherContactsSyncIncrementallyToo() throws IOException {
    String token = otherContacts(null).getNextSyncToken();
    String gone = sim.admin().people().otherContacts(ALICE).get(0).resourceName();
    sim.admin().people().deleteContact(ALICE, gone);
    String added =
        sim.admin()
            .people()
            .addOtherContact(ALICE, NewContact.of("", "", "someone@elsewhere.test"));

    ListOtherContactsResponse delta = otherContacts(token);

    assertThat(delta.getOtherContacts())
        .extracting(Person::getResourceName)
        .containsExactly(gone, added);
    assertThat(delta.getOtherContacts().get(0).getMetadata().getDeleted()).isTrue();
    assertThat(delta.getOtherContacts().get(1).getNames()).isNull();
  }

  @Test
  void changesMadeWhileAClientPagesMakeItMissNobody() throws IOException {
    ListConnectionsResponse first = connections(null, null);
    List<PersonRecord> before = sim.admin().people().contacts(ALICE);
    sim.admin().people().deleteContact(ALICE, before.get(0).resourceName());
    sim.admin()
        .people()
        .updateContact(ALICE, before.get(150).resourceName(), ContactUpdate.names("X", "Y"));
    String added =
        sim.admin().people().addContact(ALICE, NewContact.of("Late", "Comer", "late@new.test"));
    ListConnectionsResponse second = connections(null, first.getNextPageToken());

    Set<String> seen = new HashSet<>();
    first.getConnections().forEach(p -> seen.add(p.getResourceName()));
    second.getConnections().forEach(p -> seen.add(p.getResourceName()));
    ListConnectionsResponse delta = connections(second.getNextSyncToken(), null);

    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(
            before.stream().map(PersonRecord::resourceName).toList());
    assertThat(delta.getConnections())
        .extracting(Person::getResourceName)
        .containsExactly(before.get(0).resourceName(), before.get(150).resourceName(), added);
  }

  @Test
  void syncTokensExpireSevenDaysAfterTheFullSyncTheirChainStartedWith() throws IOException {
    String token = fullSync(new ArrayList<>());
    clock.advance(Duration.ofDays(7).minusMinutes(1));
    people = SimFixtures.people(sim, SimFixtures.token(sim, ALICE)); // the old one expired
    String next = connections(token, null).getNextSyncToken();
    clock.advance(Duration.ofMinutes(2));

    GoogleJsonResponseException e = expired(next);

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(PeopleListingTest.status(e)).isEqualTo("FAILED_PRECONDITION");
    assertThat(reason(e)).isEqualTo("EXPIRED_SYNC_TOKEN");
    assertThat(e.getDetails().getMessage())
        .isEqualTo(
            "Sync token is expired. Clear local cache and retry call without the sync token.");
  }

  @Test
  void theAdminCanExpireAnAccountsSyncTokensAtOnce() throws IOException {
    String token = fullSync(new ArrayList<>());
    sim.admin().people().expireSyncTokens(ALICE);

    assertThat(reason(expired(token))).isEqualTo("EXPIRED_SYNC_TOKEN");
    assertThat(fullSync(new ArrayList<>())).as("a full sync starts a new chain").isNotBlank();
  }

  @Test
  void aSyncRequestWhoseParametersDifferFromTheFirstCallIsRefused() throws IOException {
    String token = fullSync(new ArrayList<>());

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () ->
                people
                    .people()
                    .connections()
                    .list("people/me")
                    .setPersonFields("names")
                    .setPageSize(100)
                    .setSyncToken(token)
                    .setRequestSyncToken(true)
                    .execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(PeopleListingTest.status(e)).isEqualTo("INVALID_ARGUMENT");
  }

  private GoogleJsonResponseException expired(String token) {
    return catchThrowableOfType(GoogleJsonResponseException.class, () -> connections(token, null));
  }

  private static String reason(GoogleJsonResponseException e) {
    return PeopleListingTest.error(e).at("/details/0/reason").asString();
  }

  /** Pages through every contact; returns the sync token of the last page. */
  private String fullSync(List<String> names) throws IOException {
    ListConnectionsResponse page;
    String pageToken = null;
    do {
      page = connections(null, pageToken);
      page.getConnections().forEach(p -> names.add(p.getResourceName()));
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    return page.getNextSyncToken();
  }

  private ListConnectionsResponse connections(String syncToken, String pageToken)
      throws IOException {
    return people
        .people()
        .connections()
        .list("people/me")
        .setPersonFields(FIELDS)
        .setPageSize(100)
        .setRequestSyncToken(true)
        .setSyncToken(syncToken)
        .setPageToken(pageToken)
        .execute();
  }

  private ListOtherContactsResponse otherContacts(String syncToken) throws IOException {
    return people
        .otherContacts()
        .list()
        .setReadMask("names,emailAddresses,metadata")
        .setPageSize(1000)
        .setRequestSyncToken(true)
        .setSyncToken(syncToken)
        .execute();
  }
}
