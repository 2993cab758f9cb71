package dev.officeflow.office.providers.google.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Birthday;
import com.google.api.services.people.v1.model.Date;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.FieldMetadata;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Organization;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PersonMetadata;
import com.google.api.services.people.v1.model.PhoneNumber;
import com.google.api.services.people.v1.model.Photo;
import com.google.api.services.people.v1.model.Source;
import dev.officeflow.events.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactMapperTest {

  private static final Instant FALLBACK = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void aPersonWithoutAResourceNameIsNoContact() {
    assertThat(ContactMapper.map(new Person(), AddressList.CONNECTIONS, FALLBACK)).isEmpty();
  }

  @Test
  void theIdComesFromTheResourceNameAndTheListFromWhereItWasRead() {
    Contact contact =
        ContactMapper.map(person("otherContacts/c42"), AddressList.OTHER_CONTACTS, FALLBACK)
            .orElseThrow()
            .contact();

    assertThat(contact.id()).isEqualTo("google_otherContacts_c42");
    assertThat(contact.providerContactId()).isEqualTo("otherContacts/c42");
    assertThat(contact.provider()).isEqualTo("google");
    assertThat(contact.groups()).containsExactly("otherContacts");
  }

  @Test
  void namesAddressesPhonesEmployersBirthdaysAndPhotosAreMapped() {
    Person p =
        person("people/c7")
            .setNames(
                List.of(
                    new Name().setDisplayName("Other Name"),
                    new Name()
                        .setMetadata(new FieldMetadata().setPrimary(true))
                        .setDisplayName("Ada Lovelace")
                        .setGivenName("Ada")
                        .setFamilyName("Lovelace")))
            .setEmailAddresses(
                List.of(
                    new EmailAddress().setValue(" ada@engine.test "),
                    new EmailAddress().setValue("ada@engine.test"),
                    new EmailAddress().setValue(" ")))
            .setPhoneNumbers(
                List.of(new PhoneNumber().setValue("+44 20 7946 0000").setType("work")))
            .setOrganizations(List.of(new Organization().setName("Engines").setTitle("Analyst")))
            .setBirthdays(
                List.of(
                    new Birthday().setDate(new Date().setYear(1815).setMonth(12).setDay(10)),
                    new Birthday().setDate(new Date().setMonth(12).setDay(10))))
            .setPhotos(
                List.of(
                    new Photo().setUrl("https://photo/default").setDefault(true),
                    new Photo().setUrl("https://photo/ada")));

    Contact contact =
        ContactMapper.map(p, AddressList.CONNECTIONS, FALLBACK).orElseThrow().contact();

    assertThat(contact.displayName()).isEqualTo("Ada Lovelace");
    assertThat(contact.givenName()).isEqualTo("Ada");
    assertThat(contact.familyName()).isEqualTo("Lovelace");
    assertThat(contact.emailAddresses()).containsExactly("ada@engine.test");
    assertThat(contact.phoneNumbers())
        .containsExactly(Map.of("value", "+44 20 7946 0000", "type", "work"));
    assertThat(contact.organizations())
        .containsExactly(Map.of("name", "Engines", "title", "Analyst"));
    assertThat(contact.birthdays()).containsExactly(Instant.parse("1815-12-10T00:00:00Z"));
    assertThat(contact.photos()).containsExactly(Map.of("url", "https://photo/ada"));
    assertThat(contact.groups()).containsExactly("myContacts");
  }

  @Test
  void lastUpdatedIsTheNewestSourceUpdateTimeElseTheFallback() {
    Person p =
        person("people/c1")
            .setMetadata(
                new PersonMetadata()
                    .setSources(
                        List.of(
                            new Source().setUpdateTime("2026-11-02T10:00:00.000Z"),
                            new Source().setUpdateTime("2026-11-05T10:00:00.000Z"),
                            new Source().setUpdateTime("not a time"))));

    assertThat(ContactMapper.map(p, AddressList.CONNECTIONS, FALLBACK).orElseThrow().updated())
        .isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
    assertThat(
            ContactMapper.map(person("people/c2"), AddressList.CONNECTIONS, FALLBACK)
                .orElseThrow()
                .updated())
        .isEqualTo(FALLBACK);
  }

  @Test
  void aDeletedPersonKeepsOnlyItsIdsAndList() {
    Person p =
        person("people/c9")
            .setMetadata(new PersonMetadata().setDeleted(true))
            .setNames(List.of(new Name().setDisplayName("Gone")));

    ContactMapper.Mapped mapped =
        ContactMapper.map(p, AddressList.CONNECTIONS, FALLBACK).orElseThrow();

    assertThat(mapped.deleted()).isTrue();
    assertThat(mapped.contact().displayName()).isEmpty();
    assertThat(mapped.contact().providerContactId()).isEqualTo("people/c9");
    assertThat(mapped.contact().id()).isEqualTo("google_people_c9");
  }

  @Test
  void aPersonWithoutANameIsNamedByNothingButStillAContact() {
    Person p =
        person("otherContacts/c5")
            .setEmailAddresses(List.of(new EmailAddress().setValue("someone@else.test")));

    Contact contact =
        ContactMapper.map(p, AddressList.OTHER_CONTACTS, FALLBACK).orElseThrow().contact();

    assertThat(contact.displayName()).isEmpty();
    assertThat(contact.emailAddresses()).containsExactly("someone@else.test");
  }

  private static Person person(String resourceName) {
    return new Person().setResourceName(resourceName);
  }
}
