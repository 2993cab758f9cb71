package dev.officeflow.graphsim.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.ContactItem;
import dev.officeflow.graphsim.account.ContactUpdate;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.NewContact;
import dev.officeflow.graphsim.account.ResourceRig;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactsTest {

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

  private Set<String> stored() {
    return alice.contacts().snapshot().live().stream()
        .map(ContactItem::id)
        .collect(Collectors.toSet());
  }

  @Test
  void pagingTheContactsServesEachOnce() {
    List<String> ids =
        rig.all("/me/contacts?%24top=4", token).stream().map(c -> c.get("id").asString()).toList();

    assertThat(ids).hasSize(25).doesNotHaveDuplicates();
    assertThat(Set.copyOf(ids)).isEqualTo(stored());
  }

  @Test
  void aContactCarriesGraphsProperties() {
    ContactItem added =
        alice.addContact(
            new NewContact(
                "Grace",
                "Hopper",
                List.of("grace@navy.test"),
                List.of("+1 202-555-0100"),
                "+1 202-555-0199",
                "US Navy",
                "Rear Admiral"));

    JsonNode c = ResourceRig.json(rig.get("/me/contacts/" + added.id(), token));

    assertThat(c.get("displayName").asString()).isEqualTo("Grace Hopper");
    assertThat(c.get("givenName").asString()).isEqualTo("Grace");
    assertThat(c.get("surname").asString()).isEqualTo("Hopper");
    assertThat(c.at("/emailAddresses/0/address").asString()).isEqualTo("grace@navy.test");
    assertThat(c.get("companyName").asString()).isEqualTo("US Navy");
    assertThat(c.get("jobTitle").asString()).isEqualTo("Rear Admiral");
    assertThat(c.at("/businessPhones/0").asString()).isEqualTo("+1 202-555-0100");
    assertThat(c.get("mobilePhone").asString()).isEqualTo("+1 202-555-0199");
  }

  @Test
  void theContactsDeltaReportsChangesAfterTheFirstRound() {
    ResourceRig.Round first = rig.round(rig.sim.graphUrl() + "/me/contacts/delta", token);
    List<ContactItem> old = alice.contacts().snapshot().live();
    ContactItem added = alice.addContact(NewContact.of("New", "Person", "new@fabrikam.test"));
    alice.updateContact(old.get(0).id(), ContactUpdate.names("Renamed", "Contact"));
    alice.deleteContact(old.get(1).id());

    ResourceRig.Round next = rig.round(first.deltaLink(), token);

    assertThat(first.ids()).hasSize(25);
    assertThat(next.ids()).containsExactlyInAnyOrder(added.id(), old.get(0).id(), old.get(1).id());
    assertThat(next.entries())
        .filteredOn(e -> e.has("@removed"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("id").asString()).isEqualTo(old.get(1).id()));
  }

  @Test
  void contactsNeedContactsRead() {
    HttpResponse<String> r =
        rig.get("/me/contacts", rig.token(ResourceRig.ALICE, Set.of("User.Read", "Mail.Read")));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("ErrorAccessDenied");
  }
}
