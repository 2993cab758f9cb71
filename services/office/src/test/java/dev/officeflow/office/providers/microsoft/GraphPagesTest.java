package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPagesTest {

  @Test
  void aPageKeepsItsItemsAndGraphsNextLink() {
    Contact contact = new Contact();
    contact.setId("c1");
    ContactCollectionResponse r = new ContactCollectionResponse();
    r.setValue(List.of(contact));
    r.setOdataNextLink("https://graph.example/v1.0/me/contacts?$skiptoken=x");

    GraphPage<Contact> page = GraphPages.page(r, ContactCollectionResponse::getValue);

    assertThat(page.items()).extracting(Contact::getId).containsExactly("c1");
    assertThat(page.nextLink()).isEqualTo("https://graph.example/v1.0/me/contacts?$skiptoken=x");
  }

  @Test
  void anAnswerWithoutValueOrLinkIsAnEmptyLastPage() {
    GraphPage<Contact> page =
        GraphPages.page(new ContactCollectionResponse(), ContactCollectionResponse::getValue);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextLink()).isNull();
  }

  @Test
  void aBlankNextLinkEndsThePaging() {
    ContactCollectionResponse r = new ContactCollectionResponse();
    r.setValue(List.of());
    r.setOdataNextLink("  ");

    assertThat(GraphPages.page(r, ContactCollectionResponse::getValue).nextLink()).isNull();
  }
}
