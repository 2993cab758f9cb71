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
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PeopleListingTest {

  static final String FIELDS = "names,emailAddresses,phoneNumbers,organizations,metadata";

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
  void connectionsArePagedInFullWithoutDuplicates() throws IOException {
    List<String> names = new ArrayList<>();
    List<ListConnectionsResponse> pages = new ArrayList<>();
    String pageToken = null;
    do {
      ListConnectionsResponse page =
          people
              .people()
              .connections()
              .list("people/me")
              .setPersonFields(FIELDS)
              .setPageSize(60)
              .setPageToken(pageToken)
              .execute();
      page.getConnections().forEach(p -> names.add(p.getResourceName()));
      pages.add(page);
      pageToken = page.getNextPageToken();
    } while (pageToken != null);

    assertThat(pages).hasSize(4);
    assertThat(names).hasSize(200).doesNotHaveDuplicates().allMatch(n -> n.matches("people/c\\d+"));
    assertThat(names)
        .containsExactlyElementsOf(
            sim.admin().people().contacts(ALICE).stream().map(PersonRecord::resourceName).toList());
    assertThat(pages.get(0).getTotalItems()).isEqualTo(200);
    assertThat(pages.get(0).getTotalPeople()).isEqualTo(200);
    assertThat(pages.get(3).getNextSyncToken()).as("only when requested").isNull();
  }

  @Test
  void otherContactsArePagedInFullWithoutDuplicates() throws IOException {
    List<String> names = new ArrayList<>();
    int pages = 0;
    String pageToken = null;
    do {
      ListOtherContactsResponse page =
          people
              .otherContacts()
              .list()
              .setReadMask("names,emailAddresses")
              .setPageSize(20)
              .setPageToken(pageToken)
              .execute();
      page.getOtherContacts().forEach(p -> names.add(p.getResourceName()));
      assertThat(page.getTotalSize()).isEqualTo(50);
      pageToken = page.getNextPageToken();
      pages++;
    } while (pageToken != null);

    assertThat(pages).isEqualTo(3);
    assertThat(names)
        .hasSize(50)
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("otherContacts/c\\d+"));
  }

  @Test
  void aPersonCarriesTheMaskedFieldsWithTheirMetadataAsGoogleWritesThem() throws IOException {
    Person person =
        people
            .people()
            .connections()
            .list("people/me")
            .setPersonFields(FIELDS)
            .execute()
            .getConnections()
            .get(0);
    PersonRecord truth = sim.admin().people().contacts(ALICE).get(0);

    assertThat(person.getResourceName()).isEqualTo(truth.resourceName());
    assertThat(person.getEtag()).startsWith("%");
    assertThat(person.getMetadata().getSources().get(0).getType()).isEqualTo("CONTACT");
    assertThat(person.getMetadata().getSources().get(0).getUpdateTime()).isNotBlank();
    assertThat(person.getMetadata().getDeleted()).isNull();
    assertThat(person.getNames().get(0).getDisplayName()).isEqualTo(truth.displayName());
    assertThat(person.getNames().get(0).getGivenName()).isEqualTo(truth.givenName());
    assertThat(person.getNames().get(0).getFamilyName()).isEqualTo(truth.familyName());
    assertThat(person.getEmailAddresses().get(0).getValue())
        .isEqualTo(truth.emails().get(0).value());
    assertThat(person.getEmailAddresses().get(0).getMetadata().getPrimary()).isTrue();
  }

  @Test
  void fieldsLeftOutOfTheMaskAreNotSent() throws IOException {
    Person person =
        people
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .execute()
            .getConnections()
            .get(0);

    assertThat(person.getNames()).isNotEmpty();
    assertThat(person.getEmailAddresses()).isNull();
    assertThat(person.getMetadata()).isNull();
  }

  @Test
  void personFieldsIsRequired() throws IOException {
    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> people.people().connections().list("people/me").execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(status(e)).isEqualTo("INVALID_ARGUMENT");
    assertThat(e.getDetails().getMessage()).startsWith("personFields mask is required");
  }

  @Test
  void anUndocumentedMaskPathIsRefused() throws IOException {
    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> people.otherContacts().list().setReadMask("names,organizations").execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage()).contains("organizations");
  }

  @Test
  void onlyTheCallersOwnConnectionsCanBeListed() {
    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () ->
                people
                    .people()
                    .connections()
                    .list("people/c123")
                    .setPersonFields("names")
                    .execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
  }

  @Test
  void anAccountWithoutAnAddressBookListsNothing() throws IOException {
    sim.admin().createAccount(SimFixtures.alice().withAddedScopes(PeopleScopes.READ_ALL));
    PeopleService empty = SimFixtures.people(sim, SimFixtures.token(sim, ALICE));

    ListConnectionsResponse page =
        empty
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .execute();

    assertThat(page.getConnections()).isNull();
    assertThat(page.getTotalItems()).isNull();
    assertThat(page.getNextSyncToken()).isNotBlank();
  }

  /** The {@code error} object of Google's body, as the client parsed it. */
  static JsonNode error(GoogleJsonResponseException e) {
    return Json.MAPPER.readTree(e.getDetails().toString());
  }

  static String status(GoogleJsonResponseException e) {
    return error(e).path("status").asString();
  }
}
