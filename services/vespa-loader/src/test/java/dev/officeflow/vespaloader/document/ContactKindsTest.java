package dev.officeflow.vespaloader.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of contact documents (ARCHITECTURE §5): a provider's address-book contact from the
 * office and a contact the contacts service discovered from mail, for the same address of the same
 * user, are two documents in the user's group, linked by the address and never one overwriting the
 * other.
 */
class ContactKindsTest {

  private final DocumentFactory factory = new DocumentFactory("officeflow");

  @Test
  void anAddressBookContactAndADiscoveredOneAreTwoDocumentsLinkedByTheirAddress() {
    ContactEvent discovered = withContact("v1:5f2a9c", "v1:5f2a9c", "ada@engine.test");
    ContactEvent addressBook = withContact("google_people_c7", "people/c7", "Ada@Engine.test");

    VespaDocument fromMail = factory.document(discovered);
    VespaDocument fromBook = factory.document(addressBook);

    assertThat(fromBook.id().toString())
        .isEqualTo("id:officeflow:contact:g=u1:google_people/c7")
        .isNotEqualTo(fromMail.id().toString());
    assertThat(fromMail.id().toString()).isEqualTo("id:officeflow:contact:g=u1:google_v1:5f2a9c");
    assertThat(fromBook.fields().get("email_addresses"))
        .isEqualTo(fromMail.fields().get("email_addresses"))
        .isEqualTo(List.of("ada@engine.test"));
  }

  @Test
  void deletingTheAddressBookContactLeavesTheDiscoveredOneAlone() {
    ContactEvent discovered = withContact("v1:5f2a9c", "v1:5f2a9c", "ada@engine.test");
    ContactEvent addressBook = withContact("google_people_c7", "people/c7", "ada@engine.test");

    VespaDocument tombstone = factory.tombstone(addressBook, Instant.parse("2026-12-07T00:00:00Z"));

    assertThat(tombstone.id()).isNotEqualTo(factory.id(discovered));
  }

  private static ContactEvent withContact(String id, String providerContactId, String address) {
    ContactEvent event = EventFixtures.contactEvent("u1", "c1");
    Contact c = event.contact();
    return event
        .withPayload(
            new Contact(
                id,
                "Ada Lovelace",
                null,
                null,
                List.of(address),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                "google",
                providerContactId,
                List.of(),
                List.of(),
                List.of(),
                c.lastModified()))
        .withMetadata(event.metadata().withTags(Map.of()));
  }
}
