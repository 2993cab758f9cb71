package dev.officeflow.office.providers.microsoft.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactMapperTest {

  private static final Instant FALLBACK = Instant.parse("2026-12-07T08:00:00Z");

  @Test
  void anOutlookContactBecomesASavedContact() {
    Contact c = contact();
    c.setEmailAddresses(List.of(address("bea@fabrikam.test"), address("bea@fabrikam.test")));
    c.setBusinessPhones(List.of("+1 555 0100"));
    c.setMobilePhone("+1 555 0199");
    c.setCompanyName("Fabrikam");
    c.setJobTitle("CFO");
    c.setLastModifiedDateTime(OffsetDateTime.parse("2026-11-20T10:00:00Z"));

    ContactMapper.Mapped mapped = ContactMapper.map(c, FALLBACK).orElseThrow();

    assertThat(mapped.contact().id()).isEqualTo("microsoft_AAMkC1");
    assertThat(mapped.contact().providerContactId()).isEqualTo("AAMkC1");
    assertThat(mapped.contact().displayName()).isEqualTo("Bea Ruiz");
    assertThat(mapped.contact().emailAddresses()).containsExactly("bea@fabrikam.test");
    assertThat(mapped.contact().phoneNumbers())
        .containsExactly(
            Map.of("value", "+1 555 0100", "type", "work"),
            Map.of("value", "+1 555 0199", "type", "mobile"));
    assertThat(mapped.contact().organizations())
        .containsExactly(Map.of("name", "Fabrikam", "title", "CFO"));
    assertThat(mapped.contact().groups()).containsExactly("myContacts");
    assertThat(mapped.updated()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
  }

  @Test
  void withoutADisplayNameTheNamesMakeIt() {
    Contact c = contact();
    c.setDisplayName(" ");

    assertThat(ContactMapper.map(c, FALLBACK).orElseThrow().contact().displayName())
        .isEqualTo("Bea Ruiz");
  }

  @Test
  void withoutATimeTheFallbackIsTheUpdate() {
    assertThat(ContactMapper.map(contact(), FALLBACK).orElseThrow().updated()).isEqualTo(FALLBACK);
  }

  @Test
  void aContactWithoutAnIdIsNoContact() {
    Contact c = contact();
    c.setId(null);

    assertThat(ContactMapper.map(c, FALLBACK)).isEmpty();
  }

  private static Contact contact() {
    Contact c = new Contact();
    c.setId("AAMkC1");
    c.setDisplayName("Bea Ruiz");
    c.setGivenName("Bea");
    c.setSurname("Ruiz");
    return c;
  }

  private static EmailAddress address(String value) {
    EmailAddress a = new EmailAddress();
    a.setAddress(value);
    a.setName("Bea Ruiz");
    return a;
  }
}
